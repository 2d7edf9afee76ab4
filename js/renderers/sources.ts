/**
 * Gradio's `sources` of a media component as the controls the person
 * switches between: the upload zone ("upload"; "clipboard" is a paste into
 * it), the camera ("webcam") or the microphone ("microphone"). The first
 * source is the one shown at first, as in Gradio.
 */

export type SourceMode = "upload" | "webcam" | "microphone";

const NAMES: Record<SourceMode, string> = { upload: "Upload", webcam: "Webcam", microphone: "Microphone" };

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

export interface SourcePicker {
  readonly element: HTMLElement;
  /** Offer `modes` (buttons only when there are two or more); keeps the chosen one while it is offered. */
  show(modes: readonly SourceMode[]): SourceMode | null;
}

/** One pressed-or-not button per source; `onChoose` runs when the person picks another. */
export function sourcePicker(onChoose: (mode: SourceMode) => void): SourcePicker {
  const element = document.createElement("div");
  element.className = "pagelet-sources";
  element.setAttribute("role", "group");
  element.setAttribute("aria-label", "Source");
  let offered: readonly SourceMode[] = [];
  let chosen: SourceMode | null = null;

  const draw = (): void => {
    element.hidden = offered.length < 2;
    element.replaceChildren(
      ...offered.map((mode) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "pagelet-button pagelet-button-sm";
        button.textContent = NAMES[mode];
        button.setAttribute("aria-pressed", String(mode === chosen));
        button.addEventListener("click", () => {
          if (mode === chosen) return;
          chosen = mode;
          draw();
          onChoose(mode);
        });
        return button;
      }),
    );
  };

  return {
    element,
    show(modes) {
      const same = modes.length === offered.length && modes.every((mode, index) => mode === offered[index]);
      offered = [...modes];
      if (!same || chosen === null || !modes.includes(chosen)) chosen = modes[0] ?? null;
      draw();
      return chosen;
    },
  };
}
