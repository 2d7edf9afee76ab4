import type { ComponentConfig, Props } from "./protocol";
import { viewType } from "./renderers/view-type";
import { untouchedValue } from "./untouched";

/** Who changed a component: the person using the page, or the core. */
export type Origin = "user" | "server";

export interface StoreChange {
  readonly id: number;
  /** Only the keys that changed, `value` included when it did. */
  readonly changed: Readonly<Props>;
  readonly origin: Origin;
}

export type StoreListener = (change: StoreChange) => void;

/**
 * Structural equality for JSON-like values. Updates arrive as fresh objects,
 * so identity would report a change for every message.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameValue(aRecord[key], bRecord[key]));
}

/** A component's props as the page first holds them (see `untouched.ts`). */
function withUntouchedValue(component: ComponentConfig): Props {
  const props: Props = { ...component.props };
  if (Object.hasOwn(props, "value")) props.value = untouchedValue(component.type, props.value);
  return props;
}

/**
 * The one place component props live (the value is the `value` prop).
 * Renderers show what is here; events read their inputs from here.
 */
export class Store {
  readonly #types = new Map<number, string>();
  readonly #props = new Map<number, Props>();
  readonly #listeners = new Set<StoreListener>();

  constructor(components: readonly ComponentConfig[]) {
    for (const component of components) {
      this.#types.set(component.id, viewType(component));
      this.#props.set(component.id, withUntouchedValue(component));
    }
  }

  /**
   * Add components (a `@gr.render` rebuild). One already here keeps the value
   * the page holds, so a keyed component keeps what the person entered.
   */
  add(components: readonly ComponentConfig[]): void {
    for (const component of components) {
      const props = withUntouchedValue(component);
      const current = this.#props.get(component.id);
      if (current !== undefined && Object.hasOwn(current, "value")) props.value = current.value;
      this.#types.set(component.id, viewType(component));
      this.#props.set(component.id, props);
    }
  }

  has(id: number): boolean {
    return this.#props.has(id);
  }

  type(id: number): string | undefined {
    return this.#types.get(id);
  }

  props(id: number): Readonly<Props> {
    return this.#props.get(id) ?? {};
  }

  value(id: number): unknown {
    return this.#props.get(id)?.value;
  }

  /** Every component's value. */
  *values(): Generator<unknown> {
    for (const props of this.#props.values()) yield props.value;
  }

  /** Every component's id, type and value. */
  *entries(): Generator<{ id: number; type: string; value: unknown }> {
    for (const [id, props] of this.#props) yield { id, type: this.#types.get(id) ?? "", value: props.value };
  }

  /**
   * Merge `props` into component `id` and tell listeners what really changed.
   * Keys whose value is structurally equal are dropped, so a no-op update
   * neither re-renders nor fires `change`.
   */
  set(id: number, props: Readonly<Props>, origin: Origin): void {
    const current = this.#props.get(id);
    if (current === undefined) return;
    const changed: Props = {};
    let dirty = false;
    for (const [key, value] of Object.entries(props)) {
      if (Object.hasOwn(current, key) && sameValue(current[key], value)) continue;
      current[key] = value;
      changed[key] = value;
      dirty = true;
    }
    if (!dirty) return;
    for (const listener of [...this.#listeners]) listener({ id, changed, origin });
  }

  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
