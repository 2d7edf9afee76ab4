/**
 * The page a Pagelet server (`demo.launch()` on CPython) serves: the same
 * host as `<gradio-lite>`, connected to the server's core over a WebSocket.
 * No Pyodide is loaded. The page names the socket's path and the API's
 * (uploads, files) in `<main data-socket="..." data-api="...">`, relative to
 * the page, so a `root_path` works.
 */
import { appFooter } from "./footer";
import { mountApp } from "./index";
import { WebSocketTransport } from "./transport/websocket";

function socketUrl(path: string): string {
  const url = new URL(path, location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

function disconnected(root: HTMLElement): void {
  const banner = document.createElement("p");
  banner.className = "pagelet-disconnected";
  banner.setAttribute("role", "alert");
  banner.textContent = "The connection to the server was lost. Reload the page to reconnect.";
  root.prepend(banner);
}

const root = document.querySelector<HTMLElement>("main[data-socket]");
if (root !== null) {
  const transport = new WebSocketTransport(socketUrl(root.dataset.socket ?? "ws"), {
    onDisconnect: () => disconnected(root),
    apiUrl: new URL(root.dataset.api ?? "gradio_api/", location.href).href,
  });
  const handle = mountApp(root, transport);
  root.after(appFooter());
  handle.ready.then(
    () => {
      root.dataset.state = "ready";
    },
    () => {
      root.dataset.state = "failed";
    },
  );
}
