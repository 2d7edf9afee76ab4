/**
 * The events an app's container fires for the JS API (`lite/controller.ts`).
 * Sending requests is in `lite/control-request.ts`, a lazy chunk.
 */

/** Fired (not bubbling) from an app's container for each line its Python prints. */
export const OUTPUT_EVENT = "pagelet-output";
export interface OutputDetail {
  stream: "stdout" | "stderr";
  text: string;
}

/** Fired (not bubbling) from an app's container when the app cannot run; also shown in it. */
export const ERROR_EVENT = "pagelet-error";
export interface ErrorDetail {
  message: string;
  /** Python's traceback, with the app's file names and line numbers, when Python raised. */
  traceback?: string;
  /** True when the app's Python raised (a later run may recover); false when the runtime failed. */
  python: boolean;
}
