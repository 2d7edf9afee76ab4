import type { OutputMessage } from "../control-messages";
import type { Pyodide } from "./runtime";

/**
 * Send what Python prints to the page, a line at a time (the JS API's `stdout`
 * and `stderr` events), and keep it in the worker's console too, where it went before.
 */
export function forwardOutput(pyodide: Pyodide, post: (message: OutputMessage) => void): void {
  pyodide.setStdout({
    batched: (text: string) => {
      console.log(text);
      post({ kind: "output", stream: "stdout", text });
    },
  });
  pyodide.setStderr({
    batched: (text: string) => {
      console.warn(text);
      post({ kind: "output", stream: "stderr", text });
    },
  });
}
