/**
 * What a person sees around a restart: the crash panel with its Restart
 * button, and the notice after a stuck function was stopped by restarting.
 */
import type { AlertMessage } from "../js/protocol";
import { failurePanel } from "./progress";

/** Shown (as a toast) once the app is back after its worker was replaced to stop stuck code. */
export const RESTARTED_NOTICE: Omit<AlertMessage, "v" | "type"> = {
  level: "warning",
  title: "Restarted",
  message: "The function did not stop, so Python was restarted and the app run again: its state was reset. Files in /home/pyodide/persist are kept.",
  duration: null,
};

/**
 * A stuck function in the page's shared worker: a restart would end every app
 * of the page, and that worker has no interrupt buffer, so nothing is done.
 */
export const SHARED_STUCK_NOTICE: Omit<AlertMessage, "v" | "type"> = {
  level: "warning",
  title: "Could not stop",
  message: "This app shares its Python with the page's other apps (shared-worker), so a function that does not stop cannot be stopped without stopping them all. Reload the page to start again.",
  duration: null,
};

/** "The app stopped" with the cause and a Restart button; files in the persist folder survive a restart. */
export function crashPanel(message: string, traceback: string | undefined, restart: () => void): HTMLElement {
  const panel = failurePanel("The app stopped", message, traceback);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "pagelet-restart";
  button.textContent = "Restart";
  button.addEventListener("click", () => {
    panel.remove();
    restart();
  }, { once: true });
  panel.append(button);
  return panel;
}
