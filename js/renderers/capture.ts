import { openStream, stopStream, type Device } from "../media-devices";
import { encodeWav } from "../wav";
import { smallButton } from "./block";
import { clockTime, microphoneSelect } from "./device-select";

/**
 * The live sources of a media component: a camera to take a photo from, and
 * a recorder (microphone, or camera with sound) with Record and Stop. Each
 * hands the result over as a `File`, which the component uploads like a
 * chosen file. Nothing is opened until the person clicks.
 */
export interface CapturePanel {
  readonly element: HTMLElement;
  /** Mirror the live view (and the photo), as `webcam_options.mirror` says. */
  configure(options: { mirror: boolean; constraints: MediaStreamConstraints | null; enabled: boolean }): void;
  /** Let go of the camera or microphone (another source was chosen, or the component went). */
  stop(): void;
  /** Show (or with "" clear) a message about the last capture. */
  say(message: string): void;
}

export interface PanelParts {
  element: HTMLElement;
  live: HTMLVideoElement;
  message: HTMLElement;
  say(text: string): void;
  /** Show `stream` in the live view (mirrored or not), or with null stop it and hide the view. */
  watch(stream: MediaStream | null, mirror: boolean): void;
}

export function panelParts(className: string): PanelParts {
  const element = document.createElement("div");
  element.className = `pagelet-capture ${className}`;
  const live = document.createElement("video");
  live.className = "pagelet-capture-live";
  live.muted = true;
  live.playsInline = true;
  live.hidden = true;
  const message = document.createElement("p");
  message.className = "pagelet-upload-message";
  message.setAttribute("role", "alert");
  message.hidden = true;
  const say = (text: string): void => {
    message.textContent = text;
    message.hidden = text === "";
  };
  const watch = (stream: MediaStream | null, mirror: boolean): void => {
    if (stream === null) stopStream(live.srcObject instanceof MediaStream ? live.srcObject : null);
    live.srcObject = stream;
    live.hidden = stream === null;
    live.style.transform = mirror ? "scaleX(-1)" : "";
    if (stream !== null) void live.play();
  };
  return { element, live, message, say, watch };
}

/** A `DeviceError` says why in words already; anything else is named as it is. */
export function failure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Open `device` when `control` is clicked and hand the stream to `opened`; a
 * refusal is said in the panel. After `forget()` (the person moved on) a
 * device that opens late is closed at once.
 */
export function openOnClick(
  control: HTMLButtonElement,
  parts: PanelParts,
  device: Device,
  constraints: () => MediaStreamConstraints,
  opened: (stream: MediaStream) => void,
): { forget(): void } {
  let wanted = 0;
  control.addEventListener("click", () => {
    parts.say("");
    const asked = wanted;
    void openStream(device, constraints()).then(
      (stream) => {
        if (asked !== wanted) stopStream(stream);
        else opened(stream);
      },
      (error: unknown) => parts.say(failure(error)),
    );
  });
  return {
    forget: () => {
      wanted += 1;
    },
  };
}

/** A webcam panel's shared part: "Click to access webcam", the live view, and its controls. */
export interface Camera {
  readonly panel: CapturePanel;
  /** Whether the view (and so what is taken from it) is mirrored. */
  mirrored(): boolean;
}

/**
 * "Click to access webcam" opens the camera into the live view and shows the
 * first of `controls` (the others show as they are used); `closing` runs
 * when the panel lets go of the camera.
 */
export function camera(parts: PanelParts, controls: readonly HTMLButtonElement[], extra: readonly HTMLElement[], closing: () => void): Camera {
  const open = smallButton("Click to access webcam");
  for (const control of controls) control.hidden = true;
  parts.element.append(open, parts.live, ...controls, ...extra, parts.message);
  let mirror = true;
  let constraints: MediaStreamConstraints | null = null;
  const device = openOnClick(open, parts, "camera", () => constraints ?? { video: true }, (opened) => {
    parts.watch(opened, mirror);
    open.hidden = true;
    if (controls[0]) controls[0].hidden = false;
  });
  const stop = (): void => {
    device.forget();
    closing();
    parts.watch(null, mirror);
    for (const control of controls) control.hidden = true;
    open.hidden = false;
  };
  const panel: CapturePanel = {
    element: parts.element,
    configure(options) {
      mirror = options.mirror;
      constraints = options.constraints;
      parts.live.style.transform = mirror ? "scaleX(-1)" : "";
      open.disabled = !options.enabled;
      for (const control of controls) control.disabled = !options.enabled;
    },
    stop,
    say: parts.say,
  };
  return { panel, mirrored: () => mirror };
}

/** The live view as the person sees it (mirrored or not), at the camera's own size; null before its first picture. */
export function drawView(live: HTMLVideoElement, mirror: boolean): HTMLCanvasElement | null {
  const { videoWidth: width, videoHeight: height } = live;
  if (width === 0 || height === 0) return null;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const drawing = canvas.getContext("2d");
  if (!drawing) return null;
  if (mirror) {
    drawing.translate(width, 0);
    drawing.scale(-1, 1);
  }
  drawing.drawImage(live, 0, 0, width, height);
  return canvas;
}

/** A camera and a Capture button: the photo is a PNG of the camera's own size. */
export function webcamPhoto(onCaptured: (file: File) => void): CapturePanel {
  const parts = panelParts("pagelet-webcam");
  const capture = smallButton("Capture");
  const { panel, mirrored } = camera(parts, [capture], [], () => undefined);

  capture.addEventListener("click", () => {
    // The photo matches the mirrored view the person saw.
    const canvas = drawView(parts.live, mirrored());
    if (canvas === null) {
      parts.say("The camera has not shown a picture yet; try again in a moment.");
      return;
    }
    canvas.toBlob((blob) => {
      if (!blob) {
        parts.say("Could not take the photo.");
        return;
      }
      panel.stop();
      onCaptured(new File([blob], "webcam.png", { type: "image/png" }));
    }, "image/png");
  });
  return panel;
}

/** What a recorder records, and how its recording becomes a file. */
export interface RecordingKind {
  readonly device: Device;
  readonly className: string;
  /** The stream to record, from the panel's options. */
  constraints(options: { constraints: MediaStreamConstraints | null; includeAudio: boolean; audio: MediaTrackConstraints | true }): MediaStreamConstraints;
  /** The recorded bytes as the file the core receives. */
  toFile(recording: Blob): Promise<File>;
}

/** Sound as WAV: decoded by the browser, written as 16-bit PCM. */
export const soundRecording: RecordingKind = {
  device: "microphone",
  className: "pagelet-microphone",
  constraints: ({ audio }) => ({ audio }),
  async toFile(recording) {
    const context = new AudioContext();
    try {
      const sound = await context.decodeAudioData(await recording.arrayBuffer());
      return new File([encodeWav(sound)], "recording.wav", { type: "audio/wav" });
    } finally {
      void context.close();
    }
  },
};

/** Camera video as the browser records it (WebM). */
export const videoRecording: RecordingKind = {
  device: "camera",
  className: "pagelet-webcam",
  constraints: ({ constraints, includeAudio }) => ({ video: constraints?.video ?? true, audio: includeAudio }),
  toFile: (recording) => Promise.resolve(new File([recording], "recording.webm", { type: recording.type || "video/webm" })),
};

export interface RecorderEvents {
  started(): void;
  recorded(file: File): void;
}

/** Record, Stop (hidden until recording) and the status line that says what is under way. */
export function recordControls(): { record: HTMLButtonElement; stop: HTMLButtonElement; status: HTMLElement } {
  const stop = smallButton("Stop");
  stop.hidden = true;
  const status = document.createElement("span");
  status.className = "pagelet-capture-status";
  status.setAttribute("role", "status");
  return { record: smallButton("Record"), stop, status };
}

/** How long a recording has run, as Gradio's recorder shows it ("0:07"); hidden when none runs. */
function recordingClock(): { element: HTMLTimeElement; start(): void; stop(): void } {
  const element = document.createElement("time");
  element.className = "pagelet-capture-clock";
  element.hidden = true;
  let timer: number | undefined;
  return {
    element,
    start() {
      const began = performance.now();
      const tick = (): void => {
        element.textContent = clockTime((performance.now() - began) / 1000);
      };
      tick();
      element.hidden = false;
      window.clearInterval(timer);
      timer = window.setInterval(tick, 250);
    },
    stop() {
      window.clearInterval(timer);
      timer = undefined;
      element.hidden = true;
    },
  };
}

/**
 * Record and Stop, how long it has run, and for the microphone Gradio's
 * "Select input device"; the recording is handed over when stopped.
 */
export function recorder(kind: RecordingKind, events: RecorderEvents, includeAudio = true): CapturePanel {
  const parts = panelParts(kind.className);
  const { record, stop: stopButton, status } = recordControls();
  const devices = kind.device === "microphone" ? microphoneSelect() : null;
  const clock = recordingClock();
  parts.element.append(parts.live, record, stopButton, clock.element, status, ...(devices ? [devices.element] : []), parts.message);
  let stream: MediaStream | null = null;
  // The recording under way; `discard` when the person left before stopping.
  let current: { recording: MediaRecorder; discard: boolean } | null = null;
  let constraints: MediaStreamConstraints | null = null;
  let mirror = true;

  const finish = (discard: boolean): void => {
    device.forget();
    if (current) {
      current.discard = discard;
      if (current.recording.state !== "inactive") current.recording.stop();
    }
    current = null;
    stopStream(stream);
    stream = null;
    parts.watch(null, mirror);
    clock.stop();
    record.hidden = false;
    stopButton.hidden = true;
  };

  const device = openOnClick(record, parts, kind.device, () => kind.constraints({ constraints, includeAudio, audio: devices?.audio() ?? true }), (opened) => {
    stream = opened;
    // Now that a device is allowed, the browser names them all.
    devices?.refresh();
    const chunks: Blob[] = [];
    const started = { recording: new MediaRecorder(opened), discard: false };
    current = started;
    started.recording.addEventListener("dataavailable", (event) => chunks.push(event.data));
    started.recording.addEventListener("stop", () => {
      status.textContent = "";
      if (started.discard) return;
      status.textContent = "Preparing the recording…";
      kind.toFile(new Blob(chunks, { type: started.recording.mimeType })).then(
        (file) => {
          status.textContent = "";
          events.recorded(file);
        },
        (error: unknown) => {
          status.textContent = "";
          parts.say(`Could not read the recording: ${failure(error)}`);
        },
      );
    });
    if (kind.device === "camera") parts.watch(opened, mirror);
    started.recording.start();
    record.hidden = true;
    stopButton.hidden = false;
    status.textContent = "Recording…";
    clock.start();
    events.started();
  });

  stopButton.addEventListener("click", () => finish(false));

  return {
    element: parts.element,
    configure(options) {
      constraints = options.constraints;
      mirror = options.mirror;
      record.disabled = !options.enabled;
    },
    // Leaving mid-recording discards it: nothing is handed over.
    stop: () => finish(true),
    say: parts.say,
  };
}
