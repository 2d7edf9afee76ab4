import { fileList } from "./upload";
import type { FileData } from "../protocol";
import type { RenderContext } from "./types";

/** One of a Chatbot's `examples`, as the core sends it (its files already FileData). */
interface ChatExample {
  readonly text: string;
  readonly displayText: string | null;
  readonly files: readonly FileData[];
}

function examplesOf(value: unknown): ChatExample[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): ChatExample[] => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return [];
    const example = item as Record<string, unknown>;
    return [{
      text: typeof example.text === "string" ? example.text : "",
      displayText: typeof example.display_text === "string" ? example.display_text : null,
      files: fileList(example.files),
    }];
  });
}

export interface ChatExampleList {
  /** The list of example buttons; the chatbot puts it in the empty chat. */
  readonly element: HTMLElement;
  /** Draw the `examples` prop (drawn again only when it changed). */
  show(examples: unknown): void;
  /** How many examples there are. */
  count(): number;
}

/**
 * Gradio's chatbot examples: a button for each, named "Select example N:
 * text", its pictures beside its text; a click reports `example_select`
 * with the example's index and `{text, files}`.
 */
export function chatExamples(context: RenderContext): ChatExampleList {
  const element = document.createElement("div");
  element.className = "pagelet-chat-examples examples";
  element.setAttribute("role", "list");
  let examples: ChatExample[] = [];

  const button = (example: ChatExample, index: number): HTMLElement => {
    // A button in a list item (Gradio puts the buttons straight in the list, which leaves the list empty to a screen reader).
    const item = document.createElement("div");
    item.setAttribute("role", "listitem");
    const pick = document.createElement("button");
    pick.type = "button";
    pick.className = "pagelet-chat-example example";
    const name = example.displayText ?? example.text;
    pick.setAttribute("aria-label", `Select example ${String(index + 1)}: ${name}`);
    for (const file of example.files.slice(0, 4)) {
      const url = context.files.url(file);
      if (url === null || !(file.mime_type ?? "").startsWith("image/")) continue;
      const image = document.createElement("img");
      image.className = "example-image";
      image.src = url;
      image.alt = "";
      pick.append(image);
    }
    const text = document.createElement("span");
    text.className = "example-text";
    text.textContent = name;
    pick.append(text);
    pick.addEventListener("click", () => context.emit("example_select", { index, value: { text: example.text, files: [...example.files] } }));
    item.append(pick);
    return item;
  };

  return {
    element,
    show(value) {
      const next = examplesOf(value);
      if (JSON.stringify(next) === JSON.stringify(examples)) return;
      examples = next;
      element.replaceChildren(...examples.map(button));
    },
    count: () => examples.length,
  };
}
