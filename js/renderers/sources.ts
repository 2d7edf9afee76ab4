/**
 * Gradio's `sources` of a media component as the controls the person
 * switches between: the upload zone ("upload"; "clipboard" is a paste into
 * it), the camera ("webcam") or the microphone ("microphone"). The first
 * source is the one shown at first, as in Gradio.
 */

export type SourceMode = "upload" | "webcam" | "microphone";

// Gradio's names for its source buttons, shown as words: a person reads what a test finds.
const NAMES: Record<SourceMode, string> = { upload: "Upload file", webcam: "Capture from camera", microphone: "Record audio" };

/** The distinct modes of `sources`, in order; unknown names are left out. */
export function sourceModes(sources: unknown, fallback: readonly SourceMode[]): SourceMode[] {
  const names = Array.isArray(sources) ? sources : fallback;
  const modes: SourceMode[] = [];
  for (const name of names) {
    const mode = name === "clipboard" ? "upload" : name;
    if ((mode === "upload" || mode === "webcam" || mode === "microphone") && !modes.includes(mode)) modes.push(mode);
  }
  return modes;
}

/** Whether `sources` names the clipboard: a source that pastes at once rather than a mode. */
export function offersClipboard(sources: unknown, fallback: readonly string[]): boolean {
  return (Array.isArray(sources) ? sources : fallback).includes("clipboard");
}

export interface SourcePicker {
  readonly element: HTMLElement;
  /**
   * Offer `modes` (buttons only when there are two or more), and a "Paste from
   * clipboard" button when `paste`; keeps the chosen mode while it is offered.
   */
  show(modes: readonly SourceMode[], paste?: boolean): SourceMode | null;
}

/**
 * One pressed-or-not button per source; `onChoose` runs when the person
 * picks another, `onPaste` when they ask to paste (Gradio's clipboard source).
 */
export function sourcePicker(onChoose: (mode: SourceMode) => void, onPaste: () => void = () => undefined): SourcePicker {
  const element = document.createElement("div");
  element.className = "pagelet-sources";
  element.setAttribute("role", "group");
  element.setAttribute("aria-label", "Source");
  let offered: readonly SourceMode[] = [];
  let chosen: SourceMode | null = null;
  let pasting = false;
  const paste = document.createElement("button");
  paste.type = "button";
  paste.className = "pagelet-button pagelet-button-sm";
  paste.textContent = "Paste from clipboard";
  // Gradio's icon button carries its name as a label; tests find it by that.
  paste.setAttribute("aria-label", paste.textContent);
  paste.addEventListener("click", () => onPaste());

  const draw = (): void => {
    element.hidden = offered.length < 2 && !pasting;
    element.replaceChildren(
      ...(offered.length < 2 ? [] : offered).map((mode) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "pagelet-button pagelet-button-sm";
        button.textContent = NAMES[mode];
        // Gradio's icon buttons carry the name as a label; tests find them by it.
        button.setAttribute("aria-label", NAMES[mode]);
        button.setAttribute("aria-pressed", String(mode === chosen));
        button.addEventListener("click", () => {
          if (mode === chosen) return;
          chosen = mode;
          draw();
          onChoose(mode);
        });
        return button;
      }),
      ...(pasting ? [paste] : []),
    );
  };

  return {
    element,
    show(modes, withPaste = false) {
      pasting = withPaste;
      const same = modes.length === offered.length && modes.every((mode, index) => mode === offered[index]);
      offered = [...modes];
      if (!same || chosen === null || !modes.includes(chosen)) chosen = modes[0] ?? null;
      draw();
      return chosen;
    },
  };
}
