import type { Props } from "../protocol";
import { blockElement, caption, interactive, showCaption } from "./block";
import { bool, num, str } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** Wire the events every text-like control reports. */
function listen(control: HTMLElement, context: RenderContext, submitOnEnter: () => boolean, onInput?: () => void): void {
  control.addEventListener("input", () => {
    onInput?.();
    context.emit("input");
  });
  control.addEventListener("keydown", (event) => {
    // isComposing: Enter that confirms an IME candidate is not a submit.
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || !submitOnEnter()) return;
    event.preventDefault();
    context.emit("submit");
  });
  control.addEventListener("focus", () => context.emit("focus"));
  control.addEventListener("blur", () => context.emit("blur"));
}

/** Grow a textarea with its content, from `lines` up to `max_lines` rows. */
function autoGrow(area: HTMLTextAreaElement, maxLines: number): void {
  if (!area.isConnected) return;
  const style = getComputedStyle(area);
  const lineHeight = Number.parseFloat(style.lineHeight) || 20;
  const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
  const border = Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.borderBottomWidth);
  const max = lineHeight * maxLines + padding + border;
  area.style.height = "auto";
  const wanted = area.scrollHeight + border;
  area.style.height = `${Math.min(wanted, max)}px`;
  area.style.overflowY = wanted > max ? "auto" : "hidden";
}

function boxButton(name: string, variant: string, testId: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  // The test id doubles as Gradio's class (`.submit-button`), which apps' CSS and tests select.
  button.className = `pagelet-button pagelet-button-sm ${variant} ${testId}`;
  button.dataset.testid = testId;
  button.textContent = name;
  button.addEventListener("click", onClick);
  return button;
}

/**
 * `true` asks for the button under its own name, a string under that text;
 * false or null for none. Returns the button when asked for.
 */
function boxButtonFor(button: HTMLButtonElement, setting: unknown, name: string): HTMLButtonElement[] {
  if (setting !== true && (typeof setting !== "string" || setting === "")) return [];
  button.textContent = typeof setting === "string" && setting !== "" ? setting : name;
  return [button];
}

export const textbox: Renderer = (context): ComponentView => {
  const element = blockElement("div", "textbox");
  const parts = caption("label", context.domId);
  const controlId = `${context.domId}-control`;
  let current: Readonly<Props> = {};
  let control: TextControl | null = null;
  let autofocused = false;

  const lines = (): number => Math.max(1, num(current, "lines") ?? 1);
  const maxLines = (): number => Math.max(lines(), num(current, "max_lines") ?? 20);
  const useInput = (): boolean => {
    const type = str(current, "type", "text");
    return type === "password" || type === "email" || (lines() === 1 && maxLines() === 1);
  };

  // The control's kind can change with an update (lines, type), so it is rebuilt then.
  const build = (): TextControl => {
    const fresh: TextControl = useInput() ? document.createElement("input") : document.createElement("textarea");
    fresh.id = controlId;
    fresh.className = "pagelet-input";
    listen(fresh, context, () => lines() === 1, () => {
      if (fresh instanceof HTMLTextAreaElement) autoGrow(fresh, maxLines());
    });
    if (control) {
      fresh.value = control.value;
      control.replaceWith(fresh);
    } else {
      container.prepend(fresh);
    }
    return fresh;
  };

  // Gradio's `.input-container`: the field and its in-box buttons, which tests and apps' CSS select.
  const container = document.createElement("div");
  container.className = "input-container";
  element.append(parts.label, parts.info, container);
  // Gradio 6's submit_btn / stop_btn: buttons in the box that fire its submit and stop events.
  const inBox = document.createElement("div");
  inBox.className = "pagelet-textbox-buttons";
  const submit = boxButton("Submit", "pagelet-button-primary", "submit-button", () => context.emit("submit"));
  const stop = boxButton("Stop", "pagelet-button-stop", "stop-button", () => context.emit("stop"));

  return {
    element,
    update(props) {
      current = props;
      if (control === null || (control instanceof HTMLInputElement) !== useInput()) control = build();
      // Buttons not asked for are not in the page, as in Gradio: a page's "Submit" or "button" finds the app's own.
      inBox.replaceChildren(...boxButtonFor(submit, props.submit_btn, "Submit"), ...boxButtonFor(stop, props.stop_btn, "Stop"));
      if (inBox.childElementCount === 0) inBox.remove();
      else if (inBox.parentElement !== container) container.append(inBox);
      parts.label.setAttribute("for", controlId);
      // Gradio names a Textbox without a label "Textbox", and marks its field with data-testid.
      showCaption(parts, props, control, "Textbox");
      control.dataset.testid = str(props, "type", "text") === "password" ? "password" : "textbox";

      if (control instanceof HTMLInputElement) {
        const type = str(props, "type", "text");
        control.type = type === "password" || type === "email" ? type : "text";
      } else {
        control.rows = lines();
      }
      control.placeholder = str(props, "placeholder");
      const maxLength = num(props, "max_length");
      if (maxLength === null) control.removeAttribute("maxlength");
      else control.maxLength = maxLength;
      control.disabled = !interactive(props);
      control.dir = bool(props, "rtl", false) ? "rtl" : "";
      const align = str(props, "text_align");
      control.style.textAlign = align === "left" || align === "right" ? align : "";

      const value = str(props, "value");
      if (control.value !== value) control.value = value;
      if (control instanceof HTMLTextAreaElement) {
        const area = control;
        // Not laid out yet on first render; measure once it is on the page.
        requestAnimationFrame(() => autoGrow(area, maxLines()));
      }
      if (!autofocused && bool(props, "autofocus", false)) {
        autofocused = true;
        const target = control;
        requestAnimationFrame(() => target.focus());
      }
    },
    getValue: () => control?.value ?? "",
  };
};

export const number: Renderer = (context): ComponentView => {
  const element = blockElement("div", "number");
  const parts = caption("label", context.domId);
  const input = document.createElement("input");
  input.type = "number";
  input.id = `${context.domId}-control`;
  input.className = "pagelet-input";
  parts.label.setAttribute("for", input.id);
  // The browser keeps what cannot be a number ("1e", "--5") out of the value;
  // the person is told under the field rather than the app getting None unexplained.
  const message = document.createElement("p");
  message.className = "pagelet-field-message";
  message.setAttribute("role", "alert");
  message.hidden = true;
  const checkNumber = (): void => {
    const bad = input.validity.badInput;
    message.textContent = bad ? "Enter a number." : "";
    message.hidden = !bad;
    if (bad) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  };
  listen(input, context, () => true, checkNumber);
  element.append(parts.label, parts.info, input, message);

  const setNumberAttribute = (name: "min" | "max" | "step", value: number | null, fallback: string): void => {
    if (value === null) {
      if (fallback === "") input.removeAttribute(name);
      else input.setAttribute(name, fallback);
    } else {
      input.setAttribute(name, String(value));
    }
  };

  // Empty or unparsable input is "no number", which the core receives as None.
  const read = (): number | null => (input.value === "" || Number.isNaN(input.valueAsNumber) ? null : input.valueAsNumber);

  return {
    element,
    update(props) {
      showCaption(parts, props, input);
      input.placeholder = str(props, "placeholder");
      setNumberAttribute("min", num(props, "minimum"), "");
      setNumberAttribute("max", num(props, "maximum"), "");
      setNumberAttribute("step", num(props, "step"), "any");
      input.disabled = !interactive(props);
      const value = num(props, "value");
      if (read() !== value) {
        input.value = value === null ? "" : String(value);
        checkNumber();
      }
    },
    getValue: read,
  };
};
