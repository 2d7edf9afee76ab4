/**
 * The panel shown when the app cannot start and the embedder gave no
 * `onFatal` callback. Text only: the message may quote hostile input.
 */
export function fatalPanel(message: string, traceback?: string): HTMLElement {
  const panel = document.createElement("div");
  panel.className = "pagelet-fatal";
  panel.setAttribute("role", "alert");
  const heading = document.createElement("strong");
  heading.textContent = "The app could not start";
  const text = document.createElement("p");
  text.textContent = message;
  panel.append(heading, text);
  if (traceback !== undefined && traceback !== "") {
    const pre = document.createElement("pre");
    pre.textContent = traceback;
    panel.append(pre);
  }
  return panel;
}
