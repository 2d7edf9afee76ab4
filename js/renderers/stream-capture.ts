import { stopStream } from "../media-devices";
import { encodeWav } from "../wav";
import { microphoneSelect } from "./device-select";
import { camera, drawView, failure, openOnClick, panelParts, recordControls, type CapturePanel, type PanelParts } from "./capture";

/** How often a stream hands over a piece, and for how long at most (Gradio's `stream_every`, `time_limit`), in seconds. */
export interface StreamTiming {
  readonly every: number;
  readonly limit: number | null;
}

export interface StreamEvents {
  /** One frame or chunk for the app's `.stream()` listener; resolves once it is handed over. */
  piece(file: File): Promise<void>;
  started(): void;
  stopped(): void;
}

/**
 * Record and Stop around a timer: every `every` seconds `take()` makes the
 * next piece, unless the last one is still being handed over (a slow
 * upload skips a beat rather than piling pieces up). After `limit`
 * seconds the stream stops by itself and says so.
 */
function streamControls(parts: PanelParts, take: () => Promise<File | null>, events: StreamEvents) {
  const { record, stop, status } = recordControls();
  let timers: number[] = [];
  let busy = false;

  const end = (said: string): void => {
    if (timers.length === 0) return;
    for (const timer of timers) window.clearTimeout(timer);
    timers = [];
    record.hidden = false;
    stop.hidden = true;
    status.textContent = said;
    events.stopped();
  };

  const beat = (): void => {
    if (busy) return;
    busy = true;
    take()
      .then((file) => (file === null ? undefined : events.piece(file)))
      .catch((error: unknown) => parts.say(failure(error)))
      .finally(() => {
        busy = false;
      });
  };

  const begin = (timing: StreamTiming): void => {
    parts.say("");
    timers = [window.setInterval(beat, timing.every * 1000)];
    if (timing.limit !== null) {
      const seconds = timing.limit;
      timers.push(window.setTimeout(() => end(`Streaming stopped: its time limit of ${seconds} s was reached.`), seconds * 1000));
    }
    record.hidden = true;
    stop.hidden = false;
    status.textContent = "Streaming…";
    events.started();
  };

  stop.addEventListener("click", () => end(""));
  return { record, stop, status, begin, end };
}

function frameOf(live: HTMLVideoElement, mirror: boolean): Promise<File | null> {
  // Before the camera's first picture there is nothing to send this beat.
  const canvas = drawView(live, mirror);
  if (canvas === null) return Promise.resolve(null);
  // JPEG, as Gradio streams frames: a tenth of a PNG's bytes at every beat.
  return new Promise((resolve) =>
    canvas.toBlob((blob) => resolve(blob ? new File([blob], "frame.jpg", { type: "image/jpeg" }) : null), "image/jpeg", 0.8),
  );
}

/**
 * gr.Image(sources=["webcam"]) that `.stream()` listens to: the camera opens
 * on "Click to access webcam"; Record sends a frame (the view as the person
 * sees it, mirrored or not) every `stream_every` seconds until Stop or the
 * time limit. The camera stays open after Stop, so Record starts again.
 */
export function webcamStream(timing: () => StreamTiming, events: StreamEvents): CapturePanel {
  const parts = panelParts("pagelet-webcam");
  const controls = streamControls(parts, () => frameOf(parts.live, view.mirrored()), events);
  const view = camera(parts, [controls.record, controls.stop], [controls.status], () => controls.end(""));
  controls.record.addEventListener("click", () => controls.begin(timing()));
  return view.panel;
}

/** The microphone's sound as it comes, kept as samples until the next chunk is taken. */
class SoundTap {
  readonly #context = new AudioContext();
  readonly #node: ScriptProcessorNode;
  #samples: Float32Array<ArrayBuffer>[] = [];

  constructor(stream: MediaStream) {
    const source = this.#context.createMediaStreamSource(stream);
    // A ScriptProcessor hands over raw samples with no worklet module to load; its output stays silent.
    this.#node = this.#context.createScriptProcessor(4096, 1, 1);
    this.#node.addEventListener("audioprocess", (event) => this.#samples.push(event.inputBuffer.getChannelData(0).slice()));
    source.connect(this.#node);
    this.#node.connect(this.#context.destination);
  }

  /** The sound since the last chunk as a WAV file, or null when none came. */
  take(): File | null {
    const length = this.#samples.reduce((total, part) => total + part.length, 0);
    if (length === 0) return null;
    const sound = this.#context.createBuffer(1, length, this.#context.sampleRate);
    let offset = 0;
    for (const part of this.#samples) {
      sound.copyToChannel(part, 0, offset);
      offset += part.length;
    }
    this.#samples = [];
    return new File([encodeWav(sound)], "chunk.wav", { type: "audio/wav" });
  }

  close(): void {
    this.#node.disconnect();
    void this.#context.close();
  }
}

/**
 * gr.Audio(sources=["microphone"]) that `.stream()` listens to: Record opens
 * the microphone and sends the sound of each `stream_every` seconds as a WAV
 * chunk; Stop (or the time limit) closes it.
 */
export function microphoneStream(timing: () => StreamTiming, events: StreamEvents): CapturePanel {
  const parts = panelParts("pagelet-microphone");
  let stream: MediaStream | null = null;
  let tap: SoundTap | null = null;
  const release = (): void => {
    tap?.close();
    tap = null;
    stopStream(stream);
    stream = null;
  };
  const controls = streamControls(parts, () => Promise.resolve(tap?.take() ?? null), {
    ...events,
    stopped() {
      release();
      events.stopped();
    },
  });
  // Gradio's "Select input device" beside Record, as on its streaming microphone.
  const devices = microphoneSelect();
  parts.element.append(controls.record, controls.stop, controls.status, devices.element, parts.message);

  const microphone = openOnClick(controls.record, parts, "microphone", () => ({ audio: devices.audio() }), (opened) => {
    stream = opened;
    devices.refresh();
    tap = new SoundTap(opened);
    controls.begin(timing());
  });

  return {
    element: parts.element,
    configure(options) {
      controls.record.disabled = !options.enabled;
    },
    stop() {
      microphone.forget();
      controls.end("");
      release();
    },
    say: parts.say,
  };
}
