import { blockElement, caption, showCaption } from "./block";
import { chatExamples } from "./chat-examples";
import { markdownFragment } from "./markdown";
import { latexDelimiters, type LatexDelimiter } from "./math";
import { bool, num, optionalStr } from "./props";
import type { FileAccess } from "../files";
import type { FileData } from "../protocol";
import type { ComponentView, Renderer } from "./types";

/** One typed piece of a message's content, as Gradio 6 sends it (a plain string is read as text). */
type Part =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "file"; readonly file: FileData; readonly alt_text: string | null }
  | { readonly type: "component"; readonly component: string; readonly value: unknown };

interface Metadata {
  readonly title: string | null;
  readonly id: string | null;
  readonly parentId: string | null;
  readonly status: string | null;
  readonly log: string | null;
  readonly duration: number | null;
}

interface Message {
  readonly role: string;
  readonly parts: readonly Part[];
  /** The message's place in the value, and its content as the app sent it: what like/retry/undo report. */
  readonly index: number;
  readonly raw: unknown;
  /** The whole message as it came: what the page hands back as the value. */
  readonly message: unknown;
  /** `metadata.title`: the message is a titled, foldable thought (a tool call, reasoning). */
  readonly metadata: Metadata;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function idOf(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

function partsOf(content: unknown): Part[] {
  const items = Array.isArray(content) ? content : [content];
  return items.flatMap((item: unknown): Part[] => {
    if (typeof item === "string") return [{ type: "text", text: item }];
    const part = record(item);
    if (part === null) return [];
    if (part.type === "text" && typeof part.text === "string") return [{ type: "text", text: part.text }];
    const file = record(part.file);
    if (part.type === "file" && file !== null && typeof file.path === "string")
      return [{ type: "file", file: file as unknown as FileData, alt_text: typeof part.alt_text === "string" ? part.alt_text : null }];
    if (part.type === "component" && typeof part.component === "string") return [{ type: "component", component: part.component, value: part.value }];
    return [];
  });
}

function metadataOf(value: unknown): Metadata {
  const metadata = record(value) ?? {};
  const text = (key: string): string | null => (typeof metadata[key] === "string" ? (metadata[key] as string) : null);
  return {
    title: text("title"),
    id: idOf(metadata.id),
    parentId: idOf(metadata.parent_id),
    status: text("status"),
    log: text("log"),
    duration: typeof metadata.duration === "number" ? metadata.duration : null,
  };
}

function optionsOf(value: unknown): Message["options"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const option = record(item);
    if (option === null || typeof option.value !== "string") return [];
    return [{ value: option.value, label: typeof option.label === "string" && option.label !== "" ? option.label : option.value }];
  });
}

function messages(value: unknown): Message[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown, index): Message[] => {
    const message = record(item);
    if (message === null || typeof message.role !== "string") return [];
    return [{
      role: message.role,
      parts: partsOf(message.content),
      index,
      raw: message.content,
      message: item,
      metadata: metadataOf(message.metadata),
      options: optionsOf(message.options),
    }];
  });
}

/** A thought's duration as Gradio writes it: whole seconds, tenths, or milliseconds. */
function durationText(seconds: number): string {
  if (Number.isInteger(seconds)) return `${String(seconds)}s`;
  return seconds >= 0.1 ? `${seconds.toFixed(1)}s` : `${(seconds * 1000).toFixed(1)}ms`;
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

/** A message's text when it is all text (what an edit box holds), else null. */
function editableText(message: Message): string | null {
  if (message.metadata.title !== null || message.parts.length === 0) return null;
  let text = "";
  for (const part of message.parts) {
    if (part.type !== "text") return null;
    text += part.text;
  }
  return text;
}

const THUMBS: Readonly<Record<string, [symbol: string, done: string]>> = { Like: ["👍", "Liked"], Dislike: ["👎", "Disliked"] };

const MEDIA_KINDS = ["image", "audio", "video"] as const;

function mediaKind(file: FileData, component?: string): (typeof MEDIA_KINDS)[number] | null {
  for (const kind of MEDIA_KINDS) if (component === kind || (file.mime_type ?? "").startsWith(`${kind}/`)) return kind;
  return null;
}

function fileName(file: FileData): string {
  return file.orig_name ?? file.path.split(/[\\/]/).pop() ?? file.path;
}

/** A file in a bubble: pictures, sounds and videos shown; other files a download link, as in Gradio. */
function fileElement(file: FileData, alt: string | null, files: FileAccess, component?: string): HTMLElement {
  const url = files.url(file);
  const kind = mediaKind(file, component);
  if (url !== null && kind === "image") {
    const image = document.createElement("img");
    image.src = url;
    image.alt = alt ?? fileName(file);
    image.className = "pagelet-chat-media";
    return image;
  }
  if (url !== null && kind !== null) {
    const player = document.createElement(kind === "audio" ? "audio" : "video");
    player.src = url;
    player.controls = true;
    player.className = "pagelet-chat-media";
    player.setAttribute("aria-label", alt ?? fileName(file));
    // Gradio's test id for the audio player it shows in a message.
    if (kind === "audio") player.dataset.testid = "waveform-Audio";
    return player;
  }
  const link = document.createElement(url === null ? "span" : "a");
  link.className = "pagelet-chat-file";
  link.textContent = fileName(file);
  if (link instanceof HTMLAnchorElement && url !== null) {
    link.href = url;
    link.download = fileName(file);
  }
  return link;
}

function isFileData(value: unknown): value is FileData {
  const file = record(value);
  return file !== null && typeof file.path === "string";
}

/** What drawing a message needs besides the message: the app's files, and which LaTeX to draw. */
interface Drawing {
  files: FileAccess;
  delimiters: readonly LatexDelimiter[];
}

function partElement(part: Part, { files, delimiters }: Drawing): Node {
  if (part.type === "text") return markdownFragment(part.text, true, delimiters);
  if (part.type === "file") return fileElement(part.file, part.alt_text, files);
  // A component in a message: its files shown as media, anything else as its text.
  const value = record(part.value);
  const file = isFileData(part.value) ? part.value : value !== null && isFileData(value.video) ? value.video : null;
  if (file !== null) return fileElement(file, null, files, part.component);
  if (Array.isArray(part.value) && part.value.every(isFileData)) {
    const list = document.createElement("div");
    list.append(...part.value.map((item) => fileElement(item, null, files, part.component === "gallery" ? "image" : undefined)));
    return list;
  }
  const text = document.createElement("div");
  text.className = `pagelet-chat-component pagelet-chat-${part.component}`;
  text.textContent = typeof part.value === "string" ? part.value : JSON.stringify(part.value ?? "");
  return text;
}

function contentFragment(message: Message, drawing: Drawing): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of message.parts) fragment.append(partElement(part, drawing));
  return fragment;
}

/**
 * A thought (`metadata.title`) as Gradio draws it: a foldable block, open
 * unless its status is "done", with a spinner while "pending", its log and
 * duration beside the title, and its nested thoughts (`parent_id`) inside.
 */
function thoughtElement(message: Message, children: readonly Message[], nested: Map<string, Message[]>, drawing: Drawing): HTMLElement {
  const { metadata } = message;
  const details = document.createElement("details");
  details.className = "pagelet-chat-thought";
  details.open = metadata.status !== "done";
  const summary = document.createElement("summary");
  // The title in a span of its own, as Gradio has it: apps' CSS and tests find it there.
  const title = document.createElement("span");
  title.className = "pagelet-chat-thought-title";
  title.textContent = metadata.title ?? "";
  summary.append(title);
  if (metadata.status === "pending") {
    const spinner = document.createElement("span");
    spinner.className = "pagelet-chat-spinner";
    spinner.setAttribute("role", "status");
    spinner.setAttribute("aria-label", "pending");
    summary.append(" ", spinner);
  }
  const note = [metadata.log ?? "", metadata.duration === null ? "" : `(${durationText(metadata.duration)})`].filter((text) => text !== "").join(" ");
  if (note !== "") {
    const subdued = document.createElement("span");
    subdued.className = "pagelet-chat-thought-note";
    subdued.textContent = ` ${note}`;
    summary.append(subdued);
  }
  const body = document.createElement("div");
  body.className = "pagelet-chat-thought-body";
  body.append(contentFragment(message, drawing));
  for (const child of children) body.append(messageBody(child, nested, drawing));
  details.append(summary, body);
  return details;
}

function messageBody(message: Message, nested: Map<string, Message[]>, drawing: Drawing): Node {
  if (message.metadata.title === null) return contentFragment(message, drawing);
  const children = message.metadata.id === null ? [] : (nested.get(message.metadata.id) ?? []);
  return thoughtElement(message, children, nested, drawing);
}

/** Messages whose `parent_id` names an earlier thought's `id` go inside it, not in a bubble of their own. */
function nesting(list: readonly Message[]): { top: Message[]; nested: Map<string, Message[]> } {
  const ids = new Set<string>();
  const top: Message[] = [];
  const nested = new Map<string, Message[]>();
  for (const message of list) {
    const parent = message.metadata.parentId;
    if (parent !== null && ids.has(parent)) {
      const siblings = nested.get(parent) ?? [];
      siblings.push(message);
      nested.set(parent, siblings);
    } else top.push(message);
    if (message.metadata.id !== null && message.metadata.title !== null) ids.add(message.metadata.id);
  }
  return { top, nested };
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
    value = [];
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
        redraw();
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
  // Gradio's chatbot examples: shown while the chat is empty, a click reports example_select.
  const exampleList = chatExamples(context);
  let editable: string | null = null;
  let grouped = true;
  /** The messages being edited (by index) and their edit boxes; null when none is. */
  let editing: Map<number, HTMLTextAreaElement> | null = null;
  let lastAll: Message[] = [];
  let lastPlaceholder = "";
  const redraw = (): void => render(lastAll, lastPlaceholder);

  // Gradio's `editable`: "user" edits a person's text messages, "all" every text message.
  const canEdit = (group: readonly Message[]): boolean => {
    const role = group[0]?.role;
    if (editable !== "all" && !(editable === "user" && role === "user")) return false;
    return group.length > 0 && group.every((message) => editableText(message) !== null);
  };
  const startEditing = (group: readonly Message[]): void => {
    editing = new Map(group.map((message) => [message.index, document.createElement("textarea")]));
    redraw();
    editing.values().next().value?.focus();
  };
  const editBox = (message: Message): HTMLTextAreaElement => {
    const box = editing?.get(message.index) ?? document.createElement("textarea");
    box.className = "pagelet-input pagelet-chat-edit";
    box.setAttribute("aria-label", "Message");
    box.value = editableText(message) ?? "";
    return box;
  };
  const editActions = (): HTMLButtonElement[] => [
    actionButton("Submit", "✓", () => {
      const boxes = editing;
      if (boxes === null) return;
      editing = null;
      const edits = [...boxes].map(([index, box]) => {
        const message = shown.find((item) => item.index === index);
        return { index, value: box.value, previous_value: message === undefined ? "" : (editableText(message) ?? "") };
      });
      // As Gradio: the edited messages take the new text, then each edit is reported.
      value = value.map((item, index) => {
        const edit = edits.find((entry) => entry.index === index);
        const message = record(item);
        return edit === undefined || message === null ? item : { ...message, content: [{ type: "text", text: edit.value }] };
      });
      lastAll = messages(value);
      redraw();
      for (const edit of edits) context.emit("edit", edit);
    }),
    actionButton("Cancel", "✕", () => {
      editing = null;
      redraw();
    }),
  ];

  const header = document.createElement("div");
  header.className = "pagelet-chat-header";
  header.append(parts.label, clear);
  element.append(header, parts.info, log);

  /** The value as it came: what the page hands back. */
  let value: unknown[] = [];
  let drawing: Drawing = { files: context.files, delimiters: [] };
  let signatures: string[] = [];
  let nested = new Map<string, Message[]>();
  const options = document.createElement("div");
  options.className = "pagelet-chat-options options";

  // Only bubbles whose message changed are parsed again: a streamed reply re-renders one bubble.
  const render = (all: Message[], placeholder: string): void => {
    lastAll = all;
    lastPlaceholder = placeholder;
    const layout = nesting(all);
    nested = layout.nested;
    const next = layout.top;
    // Gradio draws consecutive messages of one role in one bubble (`group_consecutive_messages`).
    const groups: { first: number; messages: Message[] }[] = [];
    next.forEach((message, index) => {
      const last = groups[groups.length - 1];
      if (grouped && last !== undefined && last.messages[0]?.role === message.role) last.messages.push(message);
      else groups.push({ first: index, messages: [message] });
    });
    groups.forEach((group, index) => {
      const signature = JSON.stringify(
        group.messages.map((message) => [
          message.message,
          message.metadata.id === null ? [] : (nested.get(message.metadata.id) ?? []).map((child) => child.message),
          editing?.has(message.index) ?? false,
          chosen.get(message.index) ?? null,
        ]),
      );
      let bubble = bubbles[index];
      if (bubble !== undefined && signatures[index] === signature && shown.length > 0) return;
      if (bubble === undefined) {
        bubble = document.createElement("div");
        log.append(bubble);
        bubbles[index] = bubble;
      }
      signatures[index] = signature;
      const role = group.messages[0]?.role ?? "assistant";
      const user = role === "user";
      // `user` / `bot` and `message`: Gradio's classes, which apps' CSS and tests select (`.bot.message`).
      bubble.className = `pagelet-chat-message pagelet-chat-${user ? "user" : "bot"} ${user ? "user" : "bot"} message pagelet-prose`;
      const inEdit = group.messages.some((message) => editing?.has(message.index) ?? false);
      bubble.replaceChildren(
        ...group.messages.map((message) => {
          // Each message of the bubble, marked as Gradio marks it (`data-testid="bot"`).
          const item = document.createElement("div");
          item.className = "pagelet-chat-item";
          item.dataset.testid = user ? "user" : "bot";
          item.setAttribute("aria-label", user ? "user's message" : "bot's message");
          item.append(inEdit ? editBox(message) : messageBody(message, nested, drawing));
          return item;
        }),
      );
      // Under the bubble: Edit (or Submit / Cancel while editing) and the thumbs.
      const bar = document.createElement("div");
      bar.className = "pagelet-chat-feedback";
      if (inEdit) bar.append(...editActions());
      else {
        if (canEdit(group.messages)) bar.append(actionButton("Edit", "✎", () => startEditing(group.messages)));
        if (likeable && (!user || likeUser)) bar.append(...feedbackBar(group.first + group.messages.length - 1, next).childNodes);
      }
      if (bar.childNodes.length > 0) bubble.append(bar);
    });
    for (const extra of bubbles.splice(groups.length)) extra.remove();
    signatures = signatures.slice(0, groups.length);
    shown = next;
    // Gradio's options: buttons for the last reply's choices, each firing option_select.
    const last = next[next.length - 1];
    const choices = last !== undefined && last.role === "assistant" ? last.options : [];
    options.replaceChildren(
      ...choices.map((option, index) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "pagelet-chat-option option";
        button.textContent = option.label;
        button.addEventListener("click", () => context.emit("option_select", { index, value: option.value }));
        return button;
      }),
    );
    empty.replaceChildren(placeholder === "" ? "" : markdownFragment(placeholder));
    if (next.length === 0 && placeholder !== "") log.append(empty);
    else empty.remove();
    if (next.length === 0 && exampleList.count() > 0) log.append(exampleList.element);
    else exampleList.element.remove();
    clear.hidden = next.length === 0;
    log.append(options, actions);
    log.scrollTop = log.scrollHeight;
  };

  return {
    element,
    update(props) {
      showCaption(parts, props, undefined, "Chatbot");
      const height = num(props, "height");
      log.style.height = height === null ? "" : `${String(height)}px`;
      log.dir = bool(props, "rtl", false) ? "rtl" : "";
      value = Array.isArray(props.value) ? [...(props.value as unknown[])] : [];
      const next = messages(value);
      const wasLikeable = likeable;
      likeable = bool(props, "likeable", false);
      likeUser = bool(props, "like_user_message", false);
      exampleList.show(props.examples);
      const nextEditable = optionalStr(props, "editable");
      if (nextEditable !== editable) shown = [];
      editable = nextEditable;
      const delimiters = latexDelimiters(props.latex_delimiters);
      if (JSON.stringify(delimiters) !== JSON.stringify(drawing.delimiters)) {
        drawing = { files: context.files, delimiters };
        shown = [];
      }
      const nextGrouped = bool(props, "group_consecutive_messages", true);
      if (nextGrouped !== grouped) shown = [];
      grouped = nextGrouped;
      // A new value from the app ends an edit in progress: the messages it was editing may be gone.
      editing = null;
      const feedbackOptions = props.feedback_options;
      if (Array.isArray(feedbackOptions)) feedback = feedbackOptions.filter((option): option is string => typeof option === "string");
      // Feedback buttons live in the bubbles: draw them all again when whether they show changes.
      if (wasLikeable !== likeable) shown = [];
      const replied = next.length > 0 && next[next.length - 1]?.role !== "user";
      actions.replaceChildren(
        ...(replied && bool(props, "_retryable", false) ? [retry] : []),
        ...(replied && bool(props, "_undoable", false) ? [undo] : []),
      );
      render(next, optionalStr(props, "placeholder") ?? "");
    },
    getValue: () => (shown.length === 0 ? [] : value),
  };
};
