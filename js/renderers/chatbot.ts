import { blockElement, caption, showCaption } from "./block";
import { markdownFragment } from "./markdown";
import { bool, num, optionalStr } from "./props";
import type { ComponentView, Renderer } from "./types";

interface Message {
  readonly role: string;
  readonly content: string;
  /** `metadata.title`: the message is a titled, foldable step (a tool call, a thought). */
  readonly title: string | null;
}

function messages(value: unknown): Message[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): Message[] => {
    if (typeof item !== "object" || item === null) return [];
    const { role, content, metadata } = item as Record<string, unknown>;
    const title = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>).title : null;
    if (typeof role !== "string") return [];
    return [{ role, content: typeof content === "string" ? content : "", title: typeof title === "string" ? title : null }];
  });
}

function titledStep(title: string, content: string): HTMLElement {
  const details = document.createElement("details");
  details.open = true;
  const summary = document.createElement("summary");
  summary.textContent = title;
  details.append(summary, markdownFragment(content));
  return details;
}

function actionButton(label: string, symbol: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "pagelet-chat-action";
  button.setAttribute("aria-label", label);
  button.title = label;
  button.textContent = symbol;
  button.addEventListener("click", onClick);
  return button;
}

/**
 * A conversation in the messages format: user and assistant bubbles whose
 * Markdown is parsed and sanitized (DOMPurify) like `gr.Markdown`. Retry and
 * Undo show under the last reply when the app listens for them; Clear empties it.
 */
export const chatbot: Renderer = (context): ComponentView => {
  const element = blockElement("div", "chatbot");
  const parts = caption("span", context.domId);
  const log = document.createElement("div");
  log.className = "pagelet-chat-log";
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  // Gradio's name for the conversation, which its tests and apps' tests look for; the label describes it.
  log.setAttribute("aria-label", "chatbot conversation");
  log.setAttribute("aria-describedby", parts.label.id);
  const empty = document.createElement("div");
  empty.className = "pagelet-chat-placeholder pagelet-prose";
  const actions = document.createElement("div");
  actions.className = "pagelet-chat-actions";
  let shown: Message[] = [];
  let bubbles: HTMLElement[] = [];

  const clear = actionButton("Clear", "🗑", () => {
    shown = [];
    render([], "");
    context.emit("clear");
  });
  const retry = actionButton("Retry", "↻", () => context.emit("retry"));
  const undo = actionButton("Undo", "↶", () => context.emit("undo"));
  const header = document.createElement("div");
  header.className = "pagelet-chat-header";
  header.append(parts.label, clear);
  element.append(header, parts.info, log);

  // Only bubbles whose text changed are parsed again: a streamed reply re-renders one bubble.
  const render = (next: Message[], placeholder: string): void => {
    next.forEach((message, index) => {
      const old = shown[index];
      let bubble = bubbles[index];
      if (bubble !== undefined && old !== undefined && old.role === message.role && old.content === message.content && old.title === message.title) return;
      if (bubble === undefined) {
        bubble = document.createElement("div");
        log.append(bubble);
        bubbles[index] = bubble;
      }
      const user = message.role === "user";
      // `user` / `bot` as well: Gradio's classes, which apps' CSS and tests select (`.user p`).
      bubble.className = `pagelet-chat-message pagelet-chat-${user ? "user" : "bot"} ${user ? "user" : "bot"} pagelet-prose`;
      bubble.dataset.testid = user ? "user" : "bot";
      bubble.setAttribute("aria-label", user ? "user's message" : "bot's message");
      bubble.replaceChildren(message.title === null ? markdownFragment(message.content) : titledStep(message.title, message.content));
    });
    for (const extra of bubbles.splice(next.length)) extra.remove();
    shown = next;
    empty.replaceChildren(placeholder === "" ? "" : markdownFragment(placeholder));
    if (next.length === 0 && placeholder !== "") log.append(empty);
    else empty.remove();
    clear.hidden = next.length === 0;
    log.append(actions);
    log.scrollTop = log.scrollHeight;
  };

  return {
    element,
    update(props) {
      showCaption(parts, props, undefined, "Chatbot");
      const height = num(props, "height");
      log.style.height = height === null ? "" : `${String(height)}px`;
      log.dir = bool(props, "rtl", false) ? "rtl" : "";
      const next = messages(props.value);
      const replied = next.length > 0 && next[next.length - 1]?.role !== "user";
      actions.replaceChildren(
        ...(replied && bool(props, "_retryable", false) ? [retry] : []),
        ...(replied && bool(props, "_undoable", false) ? [undo] : []),
      );
      render(next, optionalStr(props, "placeholder") ?? "");
    },
    getValue: () =>
      shown.map(({ role, content, title }) => (title === null ? { role, content } : { role, content, metadata: { title } })),
  };
};
