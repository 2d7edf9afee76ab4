import css from "./dialogue.css?inline";
import { addChunkStyle } from "./chunk-style";
import { blockElement, caption, interactive, showCaption } from "./block";
import { optionalStr, str } from "./props";
import type { Props } from "../protocol";
import type { ComponentView, Renderer } from "./types";

interface Line {
  speaker: string;
  text: string;
}

// Gradio's colours for speakers that `color_map` does not name.
const SPEAKER_COLORS = ["#fde68a", "#bfdbfe", "#bbf7d0", "#fecaca", "#ddd6fe", "#fbcfe8"];

function isLine(item: unknown): item is Line {
  if (typeof item !== "object" || item === null) return false;
  const { speaker, text } = item as Record<string, unknown>;
  return typeof speaker === "string" && typeof text === "string";
}

/**
 * A string value read back into lines as Gradio's default unformatter does:
 * `[Speaker] text` per line, a line without a speaker said by the first one.
 * (A custom `unformatter` runs on Gradio's server; here the text stays text.)
 */
function linesOf(value: unknown, separator: string, firstSpeaker: string): Line[] {
  if (Array.isArray(value)) return value.filter(isLine).map((line) => ({ ...line }));
  if (typeof value !== "string" || value.trim() === "") return [];
  return value
    .split(separator)
    .map((raw) => raw.trim())
    .filter((raw) => raw !== "")
    .map((raw) => {
      const end = raw.indexOf("]");
      return raw.startsWith("[") && end > 0
        ? { speaker: raw.slice(1, end), text: raw.slice(end + 1).trim() }
        : { speaker: firstSpeaker, text: raw };
    });
}

function speakersOf(props: Readonly<Props>): string[] {
  const speakers = props.speakers;
  return Array.isArray(speakers) ? speakers.filter((item): item is string => typeof item === "string") : [];
}

/**
 * `gr.Dialogue`: a line per row, each with its speaker (a choice among
 * `speakers`) and its text; "Add new line" and "Remove current line" as in
 * Gradio. `ui_mode="text"` edits the whole dialogue as one text instead, sent
 * as a string (Gradio's model takes both). A display shows each line under
 * its speaker's colour. `submit` comes from the submit button (`submit_btn`).
 */
export const dialogue: Renderer = (context): ComponentView => {
  addChunkStyle("dialogue", css);
  const element = blockElement("fieldset", "dialogue");
  const parts = caption("legend", context.domId);
  const body = document.createElement("div");
  body.className = "pagelet-dialogue-lines";
  const submit = document.createElement("button");
  submit.type = "button";
  submit.className = "pagelet-dialogue-submit";
  submit.addEventListener("click", () => context.emit("submit"));
  element.append(parts.label, parts.info, body, submit);

  let props: Readonly<Props> = {};
  let lines: Line[] = [];
  let text: string | null = null;

  const changed = (): void => context.emit("input");

  const colorOf = (speaker: string): string => {
    const map = props.color_map;
    if (typeof map === "object" && map !== null && typeof (map as Record<string, unknown>)[speaker] === "string") {
      return (map as Record<string, string>)[speaker] ?? "";
    }
    const index = Math.max(0, speakersOf(props).indexOf(speaker));
    return SPEAKER_COLORS[index % SPEAKER_COLORS.length] ?? "";
  };

  const drawText = (editable: boolean): void => {
    const area = document.createElement("textarea");
    area.className = "pagelet-input";
    area.rows = 5;
    area.value = text ?? "";
    area.disabled = !editable;
    area.placeholder = str(props, "placeholder");
    area.setAttribute("aria-labelledby", parts.label.id);
    area.addEventListener("input", () => {
      text = area.value;
      changed();
    });
    body.replaceChildren(area);
  };

  const drawLines = (editable: boolean): void => {
    const speakers = speakersOf(props);
    const rows = lines.map((line, index) => {
      const row = document.createElement("div");
      row.className = "pagelet-dialogue-line";
      const number = index + 1;
      if (!editable) {
        const who = document.createElement("span");
        who.className = "pagelet-dialogue-speaker";
        who.textContent = line.speaker;
        who.style.setProperty("--pagelet-speaker-color", colorOf(line.speaker));
        const said = document.createElement("span");
        said.textContent = line.text;
        row.append(who, said);
        return row;
      }
      const who = document.createElement("select");
      who.setAttribute("aria-label", `Speaker of line ${number}`);
      const choices = speakers.includes(line.speaker) || line.speaker === "" ? speakers : [line.speaker, ...speakers];
      for (const speaker of choices) who.append(new Option(speaker, speaker, false, speaker === line.speaker));
      who.addEventListener("change", () => {
        line.speaker = who.value;
        changed();
      });
      const said = document.createElement("textarea");
      said.className = "pagelet-input";
      said.rows = 1;
      said.value = line.text;
      said.placeholder = str(props, "placeholder");
      said.setAttribute("aria-label", `Line ${number}`);
      said.addEventListener("input", () => {
        line.text = said.value;
        changed();
      });
      row.append(who, said);
      const maxLines = props.max_lines;
      if (typeof maxLines !== "number" || lines.length < maxLines) {
        const add = document.createElement("button");
        add.type = "button";
        add.textContent = "+";
        add.setAttribute("aria-label", "Add new line");
        add.addEventListener("click", () => {
          // As in Gradio: the new line goes under this one, said by the next speaker.
          const next = speakers[(speakers.indexOf(line.speaker) + 1) % Math.max(1, speakers.length)] ?? "";
          lines.splice(index + 1, 0, { speaker: next, text: "" });
          draw();
          changed();
        });
        row.append(add);
      }
      if (index > 0) {
        const remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", "Remove current line");
        remove.addEventListener("click", () => {
          lines.splice(index, 1);
          draw();
          changed();
        });
        row.append(remove);
      }
      return row;
    });
    body.replaceChildren(...rows);
  };

  const draw = (): void => {
    const editable = interactive(props);
    if (text !== null) drawText(editable);
    else drawLines(editable);
    const button = props.submit_btn;
    submit.hidden = !editable || button === false || button === null || button === undefined;
    submit.textContent = typeof button === "string" ? button : "Submit";
  };

  return {
    element,
    update(next) {
      props = next;
      showCaption(parts, next);
      const firstSpeaker = speakersOf(next)[0] ?? "";
      const separator = optionalStr(next, "separator") ?? "\n";
      if (str(next, "ui_mode") === "text") {
        text = typeof next.value === "string" ? next.value : linesOf(next.value, separator, firstSpeaker).map((line) => `[${line.speaker}] ${line.text}`).join(separator);
      } else {
        text = null;
        lines = linesOf(next.value, separator, firstSpeaker);
        // An empty editor still offers a first line to type in, as Gradio's does.
        if (lines.length === 0 && interactive(next)) lines = [{ speaker: firstSpeaker, text: "" }];
      }
      draw();
    },
    getValue: () => (text !== null ? text : lines.map((line) => ({ ...line }))),
  };
};
