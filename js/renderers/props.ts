import type { Props } from "../protocol";

/**
 * Typed readers for props. Props come from the core as untyped JSON; each
 * reader falls back when the value has the wrong shape instead of throwing.
 */

export function str(props: Readonly<Props>, key: string, fallback = ""): string {
  const value = props[key];
  return typeof value === "string" ? value : fallback;
}

/** A label-like prop: null and missing mean "none". */
export function optionalStr(props: Readonly<Props>, key: string): string | null {
  const value = props[key];
  return typeof value === "string" ? value : null;
}

export function num(props: Readonly<Props>, key: string): number | null {
  const value = props[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function bool(props: Readonly<Props>, key: string, fallback: boolean): boolean {
  const value = props[key];
  return typeof value === "boolean" ? value : fallback;
}

/** Whether a block is shown: Gradio's `visible` is true, false or "hidden" (in the page, not shown). */
export function shown(props: Readonly<Props>): boolean {
  return props.visible !== false && props.visible !== "hidden";
}

/** `[display, value]` pairs; a bare value stands for itself. */
export type Choice = readonly [display: string, value: unknown];

export function choices(props: Readonly<Props>): Choice[] {
  const raw = props.choices;
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: unknown): Choice => {
    if (Array.isArray(entry) && entry.length >= 2) return [displayText(entry[0]), entry[1]];
    return [displayText(entry), entry];
  });
}

/** A value as a person reads it: strings as is, null as empty, the rest as JSON. */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return String(value);
  }
}

/** A form control's `value` attribute for a choice, so tests and forms read the real value. */
export function attributeValue(value: unknown): string {
  return typeof value === "string" ? value : displayText(value);
}

/** A size prop as CSS: numbers are pixels, strings are CSS lengths already, anything else is none. */
export function cssLength(value: unknown): string {
  return typeof value === "number" ? `${value}px` : typeof value === "string" ? value : "";
}
