import { blockElement, caption, showCaption } from "./block";
import { markdownFragment } from "./markdown";
import { bool, num, optionalStr } from "./props";
import type { ComponentView, Renderer } from "./types";

interface Message {
  readonly role: string;
  readonly content: string;
  /** The message's place in the value, and its content as the app sent it: what like/retry/undo report. */
  readonly index: number;
  readonly raw: unknown;
  /** `metadata.title`: the message is a titled, foldable step (a tool call, a thought). */
  readonly title: string | null;
}

function messages(value: unknown): Message[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown, index): Message[] => {
    if (typeof item !== "object" || item === null) return [];
    const { role, content, metadata } = item as Record<string, unknown>;
    const title = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>).title : null;
    if (typeof role !== "string") return [];
    return [{ role, content: typeof content === "string" ? content : "", index, raw: content, title: typeof title === "string" ? title : null }];
  });
}

/** The messages of `shown` in the same bubble group as message `at` (Gradio groups consecutive replies of one role). */
function groupOf(shown: readonly Message[], at: number): Message[] {
  const role = shown[at]?.role;
  let first = at;
  while (first > 0 && shown[first - 1]?.role === role) first -= 1;
  let last = at;
  while (last + 1 < shown.length && shown[last + 1]?.role === role) last += 1;
  return shown.slice(first, last + 1);
}

/** The last user message: what Retry answers again and Undo takes back. */
function lastUserMessage(shown: readonly Message[]): Message | undefined {
  for (let at = shown.length - 1; at >= 0; at -= 1) if (shown[at]?.role === "user") return shown[at];
  return undefined;
}

const THUMBS: Readonly<Record<string, [symbol: string, done: string]>> = { Like: ["👍", "Liked"], Dislike: ["👎", "Disliked"] };

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
  // As Gradio: the user message that Retry and Undo act on, by its index and content.
  const lastUser = (): Record<string, unknown> => {
    const message = lastUserMessage(shown);
    return message === undefined ? { index: null, value: null } : { index: message.index, value: message.raw };
  };
  const retry = actionButton("Retry", "↻", () => context.emit("retry", lastUser()));
  const undo = actionButton("Undo", "↶", () => context.emit("undo", lastUser()));
  let likeable = false;
  let feedback: string[] = ["Like", "Dislike"];
  let likeUser = false;
  /** Each bubble's chosen feedback, by message index, so a re-render keeps the pressed thumb. */
  const chosen = new Map<number, string>();

  const feedbackBar = (position: number, list: readonly Message[]): HTMLElement => {
    const bar = document.createElement("div");
    bar.className = "pagelet-chat-feedback";
    const message = list[position];
    if (message === undefined) return bar;
    for (const option of feedback) {
      const thumb = THUMBS[option];
      const pressed = chosen.get(message.index) === option;
      const label = thumb === undefined ? option : pressed ? thumb[1] : option;
      const button = actionButton(label, thumb === undefined ? option : thumb[0], () => {
        const group = groupOf(shown, position);
        const now = chosen.get(message.index) === option ? null : option;
        if (now === null) chosen.delete(message.index);
        else chosen.set(message.index, option);
        bar.replaceWith(feedbackBar(position, shown));
        // Gradio's LikeData: the group's first index, every content of the group, and true / false / the option.
        context.emit("like", {
          index: group[0]?.index ?? message.index,
          value: group.map((item) => item.raw),
          liked: option === "Like" ? true : option === "Dislike" ? false : option,
        });
      });
      button.setAttribute("aria-pressed", String(pressed));
      bar.append(button);
    }
    return bar;
  };
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
      // Thumbs under the last bubble of each reply group, when the app listens for likes.
      const endsGroup = next[index + 1]?.role !== message.role;
      if (likeable && endsGroup && (!user || likeUser)) bubble.append(feedbackBar(index, next));
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
      const wasLikeable = likeable;
      likeable = bool(props, "likeable", false);
      likeUser = bool(props, "like_user_message", false);
      const options = props.feedback_options;
      if (Array.isArray(options)) feedback = options.filter((option): option is string => typeof option === "string");
      // Feedback buttons live in the bubbles: draw them all again when whether they show changes.
      if (wasLikeable !== likeable) shown = [];
      const replied = next.length > 0 && next[next.length - 1]?.role !== "user";
      actions.replaceChildren(
        ...(replied && bool(props, "_retryable", false) ? [retry] : []),
        ...(replied && bool(props, "_undoable", false) ? [undo] : []),
      );
      render(next, optionalStr(props, "placeholder") ?? "");
    },
    getValue: () =>
      shown.map(({ role, raw, title }) => (title === null ? { role, content: raw } : { role, content: raw, metadata: { title } })),
  };
};
