import type { ChildView } from "./types";

/**
 * Gradio's forms: within a layout, consecutive form fields share one `.form`
 * box (gradio/blocks.py, `fill_expected_parents`), which shows as one framed
 * block with hairlines between the fields and hides once none of them shows.
 * Apps' CSS and tests select `.form`, so the host makes the same grouping.
 */

// Gradio's FormComponent classes; a field with container=False stands on its own.
const FORM_FIELDS: ReadonlySet<string> = new Set([
  "textbox", "number", "slider", "checkbox", "checkboxgroup", "radio", "dropdown", "datetime", "multimodaltextbox",
]);

const isField = (child: ChildView): boolean => FORM_FIELDS.has(child.type) && child.props().container !== false;

/** Whether a child leaves the run of fields it follows; blocks that draw nothing (State, Timer) do not. */
const breaksRun = (child: ChildView): boolean => child.element !== null && !isField(child);

function formFor(inRow: boolean, fields: ChildView[]): HTMLDivElement {
  const form = document.createElement("div");
  form.className = "form pagelet-form";
  if (inRow) {
    // In a row the form takes the room of the fields it holds, as Gradio sums their scale and min_width.
    const scale = fields.reduce((sum, field) => sum + (typeof field.props().scale === "number" ? Number(field.props().scale) : 1), 0);
    const minWidth = fields.reduce((sum, field) => sum + (typeof field.props().min_width === "number" ? Number(field.props().min_width) : 160), 0);
    form.style.setProperty("--pagelet-scale", String(scale));
    form.style.setProperty("--pagelet-min-width", `${minWidth}px`);
  }
  for (const field of fields) if (field.element) form.append(field.element);
  return form;
}

/**
 * Put `children`'s elements in `parent`, in order, runs of form fields each
 * in a `.form` unless `grouped` is false (Gradio's compact rows and columns).
 */
export function placeChildren(parent: HTMLElement, children: readonly ChildView[], options: { grouped: boolean; inRow?: boolean }): void {
  let run: ChildView[] = [];
  const flush = (): void => {
    if (run.length > 0) parent.append(formFor(options.inRow ?? false, run));
    run = [];
  };
  for (const child of children) {
    if (options.grouped && isField(child)) {
      run.push(child);
      continue;
    }
    if (breaksRun(child)) flush();
    if (child.element) parent.append(child.element);
  }
  flush();
}
