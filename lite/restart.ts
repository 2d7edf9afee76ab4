/**
 * What a person sees after a crash: the panel with its Restart button. The
 * toasts after a stop by restart are `notices.ts`'s.
 */
import { failurePanel } from "./progress";

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
