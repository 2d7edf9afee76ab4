import type { ApiInfo } from "../../../js/api-view";
import type { ClientMessage } from "../../../js/protocol";

/** How a test mounts the app; `serverApi` plays a server's `/gradio_api/info` for "Use via API". */
export interface MountOptions {
  fatalCallback?: boolean;
  stopAfterMs?: number;
  serverApi?: { appUrl: string; info: ApiInfo; mcp: boolean };
}

/** What the harness page exposes as `window.harness`, for tests to drive with `page.evaluate`. */
export interface Harness {
  /**
   * Mount an app on a fresh fake transport; `fatalCallback` records fatal errors instead of the panel,
   * `stopAfterMs` offers a Stop button on long runs (as lite does).
   */
  mount(options?: MountOptions): void;
  /** Deliver a message as the core would: validated, then handed to the app (or reported invalid). */
  push(message: unknown, bytes?: number[]): void;
  /** Byte counts sent next to each message, in order (0: none). */
  sentBytes(): number[];
  /** Messages the app has sent so far. */
  sent(): ClientMessage[];
  clearSent(): void;
  /** Resolves with "ready", or with the rejection's message. */
  ready(): Promise<string>;
  /** Fatal errors passed to `onFatal`. */
  fatals(): { message: string; traceback?: string }[];
  /** How many configs were rendered, as `onRender` counted them (with `fatalCallback`). */
  renders(): number;
  destroy(): void;
}

declare global {
  interface Window {
    harness: Harness;
  }
}
