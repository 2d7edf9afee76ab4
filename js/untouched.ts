/**
 * What the page holds for a component whose config value is null, before the
 * person touches it: Gradio's frontend fills these in, so an untouched
 * Textbox sends "" (not null) and an untouched Number sends 0, and the app's
 * function gets what it gets under Gradio (`"Hello " + name` works).
 */
const UNTOUCHED: Readonly<Record<string, () => unknown>> = {
  textbox: () => "",
  code: () => "",
  number: () => 0,
  multimodaltextbox: () => ({ text: "", files: [] }),
};

/** `value`, or the value Gradio's page holds for a `type` component when `value` is null. */
export function untouchedValue(type: string, value: unknown): unknown {
  if (value !== null && value !== undefined) return value;
  const fill = UNTOUCHED[type];
  return fill === undefined ? value : fill();
}
