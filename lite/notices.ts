/**
 * The toasts lite shows of its own about a stuck function: a chunk of its
 * own, loaded only when one is shown (most visits never stop a function).
 */
import type { AlertMessage } from "../js/protocol";

export type Notice = Omit<AlertMessage, "v" | "type">;

/** Shown (as a toast) once the app is back after its worker was replaced to stop stuck code. */
export const RESTARTED_NOTICE: Notice = {
  level: "warning",
  title: "Restarted",
  message: "The function did not stop, so Python was restarted and the app run again: its state was reset. Files in /home/pyodide/persist are kept.",
  duration: null,
};

/**
 * A stuck function in the page's shared worker: a restart would end every app
 * of the page, and that worker has no interrupt buffer, so nothing is done.
 */
export const SHARED_STUCK_NOTICE: Notice = {
  level: "warning",
  title: "Could not stop",
  message: "This app shares its Python with the page's other apps (shared-worker), so a function that does not stop cannot be stopped without stopping them all. Reload the page to start again.",
  duration: null,
};
