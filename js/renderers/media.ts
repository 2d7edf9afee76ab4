import type { FileData, Props } from "../protocol";
import { blockElement, caption, interactive, showCaption } from "./block";
import { recorder, soundRecording, videoRecording, webcamPhoto, type CapturePanel, type RecorderEvents } from "./capture";
import { ChunkPlayer } from "./chunk-player";
import { microphoneStream, webcamStream, type StreamEvents, type StreamTiming } from "./stream-capture";
import { bool, num } from "./props";
import { offersClipboard, sourceModes, sourcePicker, type SourceMode } from "./sources";
import type { ComponentView, RenderContext, Renderer } from "./types";
import { clipboardImage, downloadLink, fileList, uploadZone, type FileCheck, type UploadKind } from "./upload";

type Preview = HTMLImageElement | HTMLAudioElement | HTMLVideoElement;

/** What a media component shows: its file, and a video's subtitles. */
interface Shown {
  file: FileData | null;
  subtitles: FileData | null;
}

interface CaptureHandlers {
  /** A photo or recording to upload as the new value; `event` is what then fires. */
  captured(file: File, event: string): void;
  emit(event: string): void;
  /** A frame or chunk of a stream: uploaded as the value, then `stream` fires (nothing new is shown). */
  streamed(file: File): Promise<void>;
}

interface MediaKind {
  readonly type: string;
  /** The words of its upload zone. */
  readonly upload: UploadKind;
  /** The `accept` of the upload input. */
  readonly accept: string;
  /** Sources when the config names none (Gradio's defaults). */
  readonly defaultSources: readonly SourceMode[];
  preview(): Preview;
  /**
   * Name the preview after the label, as Gradio's alt text and player labels
   * do. A player beside an upload input says it plays, so the label names one control.
   */
  name(preview: Preview, label: string, editable: boolean): void;
  /** Whether an input offers its file for download beside Clear (Gradio's audio input does). */
  readonly downloadWhileEditing?: boolean;
  /** A check of a chosen file before it is uploaded (see `uploadZone`). */
  readonly check?: FileCheck;
  /** The file (and subtitles) a value holds; `props` are the component's (a video's `subtitles=`). */
  read(value: unknown, props: Readonly<Props>): Shown;
  /** The value of an uploaded or captured file. */
  wrap(file: FileData): unknown;
  /** The panel of a live source, made when the person first chooses it. */
  capture(mode: "webcam" | "microphone", handlers: CaptureHandlers, props: Readonly<Props>): CapturePanel;
}

/**
 * A picture the browser cannot decode (a corrupt or mislabelled file) is
 * refused under the field at once, rather than shown broken and failing
 * later in the app. The decoder is the browser's own.
 */
export async function decodableImage(file: File): Promise<string> {
  // An SVG is a document, not a bitmap: the browser shows it, createImageBitmap would refuse it.
  if (file.type === "image/svg+xml") return "";
  try {
    (await createImageBitmap(file)).close();
    return "";
  } catch {
    return `${file.name} is not an image this app can read.`;
  }
}

function size(value: number | null): string {
  return value === null ? "" : `${value}px`;
}

/** `webcam_options` from the config: mirror (default on) and getUserMedia constraints. */
function webcamOptions(props: Readonly<Props>): { mirror: boolean; constraints: MediaStreamConstraints | null } {
  const options = typeof props.webcam_options === "object" && props.webcam_options !== null ? (props.webcam_options as Record<string, unknown>) : {};
  const constraints = typeof options.constraints === "object" && options.constraints !== null ? (options.constraints as MediaStreamConstraints) : null;
  return { mirror: options.mirror !== false, constraints };
}

/**
 * One file shown by the browser's own element (an image, a player): upload it,
 * capture or record it when interactive, see it, download it, clear it.
 */
function mediaRenderer(kind: MediaKind): Renderer {
  return (context: RenderContext): ComponentView => {
    const element = blockElement("div", kind.type);
    const parts = caption("label", context.domId);
    const controlId = `${context.domId}-control`;
    const preview = kind.preview();
    preview.className = "pagelet-media-preview";
    const actions = document.createElement("div");
    actions.className = "pagelet-media-actions";
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "pagelet-button pagelet-button-sm";
    // Gradio's words for it on an image.
    clear.textContent = kind.type === "image" ? "Remove Image" : "Clear";
    // Gradio's icon button carries its name as a label; tests find it by that.
    clear.setAttribute("aria-label", clear.textContent);
    let value: unknown = null;
    let current: Readonly<Props> = {};
    const panels = new Map<SourceMode, CapturePanel>();
    let mode: SourceMode | null = null;
    // A streaming output plays each new value after the last (Audio); made when first needed.
    let chunks: ChunkPlayer | null = null;
    let lastChunk: string | null = null;

    const show = (): void => {
      const shown = kind.read(value, current);
      const url = shown.file ? context.files.url(shown.file) : null;
      if (chunks !== null) {
        if (url !== null && shown.file?.path !== lastChunk) chunks.add(url);
        lastChunk = shown.file?.path ?? null;
      } else if (url === null) preview.removeAttribute("src");
      else if (preview.getAttribute("src") !== url) preview.src = url;
      preview.hidden = url === null && chunks === null;
      if (preview instanceof HTMLVideoElement) showSubtitles(preview, shown.subtitles ? context.files.url(shown.subtitles) : null);
      const editable = interactive(current);
      clear.hidden = !editable || value === null;
      // As in Gradio, an output offers its file; an input offers to remove it (an audio input both).
      const offered = !editable || kind.downloadWhileEditing === true;
      const download = shown.file && offered && bool(current, "show_download_button", true) ? downloadLink(context, shown.file, "Download") : null;
      // Gradio's icon button is labelled "Download"; tests and apps find it by that label.
      download?.setAttribute("aria-label", "Download");
      // An output has nothing to remove: no button at all, not even a hidden one.
      actions.replaceChildren(...(download ? [download] : []), ...(editable ? [clear] : []));
    };

    const zone = uploadZone(context, controlId, (uploaded) => {
      const [file] = uploaded;
      value = file ? kind.wrap(file) : null;
      show();
      context.emit("upload");
      // Gradio's `input`: the person changed the value (upload, capture or clear).
      context.emit("input");
    }, { ...(kind.check ? { check: kind.check } : {}), kind: kind.upload, labelId: parts.label.id });
    const handlers: CaptureHandlers = {
      captured(file, event) {
        void context.files.upload(file).then(
          (stored) => {
            value = kind.wrap(stored);
            show();
            context.emit(event);
            context.emit("input");
          },
          (error: unknown) => panels.get(mode ?? "upload")?.say(error instanceof Error ? error.message : String(error)),
        );
      },
      emit: (event) => context.emit(event),
      async streamed(file) {
        value = kind.wrap(await context.files.upload(file));
        context.emit("stream");
      },
    };
    const captureArea = document.createElement("div");
    const useMode = (chosen: SourceMode | null, editable: boolean): void => {
      if (chosen !== mode) for (const panel of panels.values()) panel.stop();
      mode = chosen;
      zone.configure({ accept: kind.accept, multiple: false, enabled: editable && mode === "upload" });
      let panel: CapturePanel | null = null;
      if (editable && (mode === "webcam" || mode === "microphone")) {
        panel = panels.get(mode) ?? kind.capture(mode, handlers, current);
        panels.set(mode, panel);
        panel.configure({ ...webcamOptions(current), enabled: editable });
      }
      captureArea.replaceChildren(...(panel ? [panel.element] : []));
    };
    const paste = async (): Promise<void> => {
      let file: File | null = null;
      try {
        file = await clipboardImage();
      } catch (error) {
        context.report(`Could not read the clipboard: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      // Gradio does nothing when the clipboard holds no picture (text, say).
      if (file !== null) await zone.take([file]);
    };
    const picker = sourcePicker((chosen) => useMode(chosen, interactive(current)), () => void paste());

    clear.addEventListener("click", () => {
      value = null;
      show();
      context.emit("clear");
      context.emit("input");
    });
    if (preview instanceof HTMLImageElement) {
      // Gradio's SelectData of a picture: the pixel clicked, in the picture's own size.
      // A point has no keyboard equivalent; only apps that listen to `select` get the clicks.
      preview.addEventListener("click", (event) => {
        if (!bool(current, "_selectable", false)) return;
        const x = Math.round((event.offsetX * preview.naturalWidth) / Math.max(1, preview.clientWidth));
        const y = Math.round((event.offsetY * preview.naturalHeight) / Math.max(1, preview.clientHeight));
        context.emit("select", { index: [x, y], value: null, selected: true });
      });
    }
    if (!(preview instanceof HTMLImageElement)) {
      preview.addEventListener("play", () => context.emit("play"));
      preview.addEventListener("pause", () => context.emit("pause"));
    }
    // Gradio's container test ids: "image" holds the upload input and the picture; an audio
    // player is "waveform-<label>".
    const container = document.createElement("div");
    container.className = "pagelet-media-container";
    container.append(zone.element, captureArea, preview);
    if (kind.type === "image") container.dataset.testid = "image";
    // The sources sit under the upload area, as in Gradio: the block reads "Label Drop ... Here".
    element.append(parts.label, parts.info, container, picker.element, actions);

    return {
      element,
      update(props) {
        current = props;
        const editable = interactive(props);
        const modes = editable ? sourceModes(props.sources, kind.defaultSources) : [];
        useMode(picker.show(modes, editable && kind.type === "image" && offersClipboard(props.sources, kind.defaultSources)), editable);
        // A hidden input (an output) must not take the label from what is shown.
        if (editable && mode === "upload") parts.label.setAttribute("for", controlId);
        else parts.label.removeAttribute("for");
        const label = showCaption(parts, props, zone.input);
        kind.name(preview, label, editable);
        if (kind.type === "audio") container.dataset.testid = label === "" ? "unlabelled-audio" : `waveform-${label}`;
        // Gradio's class name for a picture that takes clicks.
        preview.classList.toggle("selectable", bool(props, "_selectable", false));
        preview.style.height = size(num(props, "height"));
        preview.style.width = size(num(props, "width"));
        if (preview instanceof HTMLMediaElement) {
          preview.autoplay = bool(props, "autoplay", false);
          preview.loop = bool(props, "loop", false);
        }
        if (chunks === null && preview instanceof HTMLAudioElement && !editable && bool(props, "streaming", false)) {
          chunks = new ChunkPlayer(preview);
        }
        value = props.value ?? null;
        show();
      },
      getValue: () => value,
      destroy() {
        for (const panel of panels.values()) panel.stop();
        chunks?.close();
      },
    };
  };
}

/** A video's subtitles as its one track, shown by default. */
function showSubtitles(video: HTMLVideoElement, url: string | null): void {
  const track = video.querySelector("track");
  if (url === null) {
    track?.remove();
    return;
  }
  if (track?.getAttribute("src") === url) return;
  const next = document.createElement("track");
  next.kind = "subtitles";
  next.label = "Subtitles";
  next.default = true;
  next.src = url;
  if (track) track.replaceWith(next);
  else video.append(next);
}

function player(tag: "audio" | "video"): () => Preview {
  return () => {
    const media = document.createElement(tag);
    media.controls = true;
    return media;
  };
}

function nameByAriaLabel(preview: Preview, label: string, editable: boolean): void {
  if (label === "") preview.removeAttribute("aria-label");
  else preview.setAttribute("aria-label", editable ? `${label} (playback)` : label);
}

/** A value that is a FileData itself (Image, Audio). */
const plainFile = {
  read: (value: unknown): Shown => ({ file: fileList(value)[0] ?? null, subtitles: null }),
  wrap: (file: FileData): unknown => file,
};

export const image = mediaRenderer({
  type: "image",
  upload: "image",
  accept: "image/*",
  defaultSources: ["upload", "webcam"],
  preview: () => document.createElement("img"),
  name: (preview, label) => {
    (preview as HTMLImageElement).alt = label;
  },
  check: decodableImage,
  ...plainFile,
  capture: (_mode, handlers, props) =>
    bool(props, "streaming", false)
      ? webcamStream(() => streamTiming(props), streamEvents(handlers))
      : webcamPhoto((file) => handlers.captured(file, "upload")),
});

/** `stream_every` and `time_limit` of the `.stream()` listener, as the core put them in the props. */
function streamTiming(props: Readonly<Props>): StreamTiming {
  const every = num(props, "stream_every");
  const limit = num(props, "time_limit");
  return { every: every !== null && every > 0 ? every : 0.5, limit: limit !== null && limit > 0 ? limit : null };
}

function streamEvents(handlers: CaptureHandlers): StreamEvents {
  return { piece: (file) => handlers.streamed(file), started: () => handlers.emit("start_recording"), stopped: () => handlers.emit("stop_recording") };
}

/** Gradio's recording events; the recording is the new value, uploaded like a chosen file. */
function recordingEvents(handlers: CaptureHandlers): RecorderEvents {
  return { started: () => handlers.emit("start_recording"), recorded: (file) => handlers.captured(file, "stop_recording") };
}

export const audio = mediaRenderer({
  type: "audio",
  upload: "audio",
  accept: "audio/*",
  defaultSources: ["upload", "microphone"],
  downloadWhileEditing: true,
  preview: player("audio"),
  name: nameByAriaLabel,
  ...plainFile,
  capture: (_mode, handlers, props) =>
    bool(props, "streaming", false)
      ? microphoneStream(() => streamTiming(props), streamEvents(handlers))
      : recorder(soundRecording, recordingEvents(handlers)),
});

/**
 * Gradio 6's video value is a bare FileData, its subtitles the `subtitles`
 * prop; a returned `(video, subtitles)` pair arrives as `{video, subtitles}`.
 */
function readVideo(value: unknown, props: Readonly<Props>): Shown {
  const fromProps = fileList(props.subtitles)[0] ?? null;
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "video" in value) {
    const record = value as Record<string, unknown>;
    return { file: fileList(record.video)[0] ?? null, subtitles: fileList(record.subtitles)[0] ?? fromProps };
  }
  return { file: fileList(value)[0] ?? null, subtitles: fromProps };
}

export const video = mediaRenderer({
  type: "video",
  upload: "video",
  accept: "video/*",
  defaultSources: ["upload", "webcam"],
  preview: player("video"),
  name: nameByAriaLabel,
  read: readVideo,
  wrap: (file) => file,
  capture: (_mode, handlers, props) => recorder(videoRecording, recordingEvents(handlers), bool(props, "include_audio", true)),
});
