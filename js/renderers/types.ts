import type { FileAccess } from "../files";
import type { Props } from "../protocol";

/** A rendered child, as a layout renderer sees it. */
export interface ChildView {
  readonly id: number;
  /** The child's component type (the renderer's key). */
  readonly type: string;
  /** Null for components that draw nothing (State). */
  readonly element: HTMLElement | null;
  /** The child's current props. */
  props(): Readonly<Props>;
  /** Report a user event on the child (a tab that was selected), described by `eventData`. */
  emit(event: string, eventData?: Record<string, unknown>): void;
}

/** What a renderer gets to build one component. */
export interface RenderContext {
  readonly id: number;
  readonly type: string;
  /** Unique in the document; prefix for ids this view gives its elements. */
  readonly domId: string;
  readonly children: readonly ChildView[];
  /**
   * Report a user event ("input", "submit", "click", "select", "blur",
   * "focus", "release" ...). The host first reads `getValue()` into the store,
   * which fires `change` when the value differs, then runs the event's listeners.
   * `eventData` describes the event (a `select`'s `{index, value, selected}`).
   */
  emit(event: string, eventData?: Record<string, unknown>): void;
  /**
   * Record a prop the person changed that is not the value (an accordion
   * opened, a tab chosen), so a later update is compared with what is shown.
   */
  setProps(props: Readonly<Props>): void;
  /** Upload files to the core and find the URLs of the files it shows. */
  readonly files: FileAccess;
  /** Tell the person something went wrong (an error toast, as Gradio's `error` dispatch shows one). */
  report(message: string): void;
  /** Tell the person something did not work as asked (a warning toast, Gradio's `warning` dispatch). */
  warn(message: string): void;
  /** Call a Python function this component offers (gr.HTML's `server_functions`); rejects with the core's error. */
  callServer(name: string, args: readonly unknown[]): Promise<unknown>;
  /** Every component's type and current value (what a deep link records). */
  pageValues(): PageValue[];
  /** Be told when a child's props change (a tab's label). */
  onChildUpdate(listener: (child: ChildView) => void): void;
}

export interface PageValue {
  readonly id: number;
  readonly type: string;
  readonly value: unknown;
}

/** One rendered component. */
export interface ComponentView {
  /** The block's root element, or null when nothing is drawn. */
  readonly element: HTMLElement | null;
  /**
   * Show `props`: always the complete current props (the store merges), so an
   * update can be applied idempotently. Common props (visible, container,
   * elem_id, elem_classes, scale, min_width) are applied by the host, not here.
   */
  update(props: Readonly<Props>): void;
  /** The value the person has entered, as the core expects it. */
  getValue(): unknown;
  destroy?(): void;
}

/** Builds the view of one component; the host calls `update(props)` right after. */
export type Renderer = (context: RenderContext) => ComponentView;

/** Loads a renderer on first use, so its code is fetched only when needed. */
export type RendererLoader = () => Promise<Renderer>;
