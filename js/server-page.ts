/**
 * The page a Pagelet server (`demo.launch()` on CPython) serves: the same
 * host as `<gradio-lite>`, connected to the server's core over a WebSocket.
 * No Pyodide is loaded. The page names the socket's path and the API's
 * (uploads, files) in `<main data-socket="..." data-api="...">`, relative to
 * the page, so a `root_path` works. The same script, loaded by another page,
 * gives it the `<gradio-app src>` element to embed the app.
 */
import { applyColorMode, colorModeOf } from "./color-mode";
import { usePathPages } from "./page-route";
import { connectServerApp } from "./server-connect";
import { defineGradioApp } from "./gradio-app-element";

defineGradioApp();

const root = document.querySelector<HTMLElement>("main[data-socket]");
if (root !== null) {
  // Gradio's `?__theme=dark` (or light) forces the mode; its `dark` class goes on the body, as Gradio puts it.
  applyColorMode(document.body, colorModeOf(new URLSearchParams(location.search).get("__theme")));
  // A multipage app's pages are this server's paths (/settings), as in Gradio.
  usePathPages();
  connectServerApp(root, {
    appUrl: new URL("./", location.href).href,
    socketPath: root.dataset.socket ?? "ws",
    apiPath: root.dataset.api ?? "gradio_api/",
    openApi: new URLSearchParams(location.search).get("view") === "api",
  });
}
