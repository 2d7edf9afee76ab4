/**
 * The page a Pagelet server (`demo.launch()` on CPython) serves: the same
 * host as `<gradio-lite>`, connected to the server's core over a WebSocket.
 * No Pyodide is loaded. The page names the socket's path and the API's
 * (uploads, files) in `<main data-socket="..." data-api="...">`, relative to
 * the page, so a `root_path` works.
 */
import { applyColorMode, colorModeOf } from "./color-mode";
import { mountApp } from "./index";
import { usePathPages } from "./page-route";
import { WebSocketTransport } from "./transport/websocket";
import type { ApiInfo, ApiSource } from "./api-view";

/** The API page's source on a server: `/gradio_api/info`, and `/config` for whether MCP is served. */
async function serverApi(apiUrl: string): Promise<ApiSource> {
  const [info, config] = await Promise.all([
    fetch(new URL("info", apiUrl)).then((response) => response.json() as Promise<ApiInfo>),
    fetch(new URL("config", apiUrl)).then((response) => response.json() as Promise<{ mcp_server?: boolean }>),
  ]);
  return { kind: "server", appUrl: new URL("./", location.href).href, info, mcp: config.mcp_server === true };
}

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
  // Gradio's `?__theme=dark` (or light) forces the mode; its `dark` class goes on the body, as Gradio puts it.
  applyColorMode(document.body, colorModeOf(new URLSearchParams(location.search).get("__theme")));
  // A multipage app's pages are this server's paths (/settings), as in Gradio.
  usePathPages();
  const apiUrl = new URL(root.dataset.api ?? "gradio_api/", location.href).href;
  const transport = new WebSocketTransport(socketUrl(root.dataset.socket ?? "ws"), {
    onDisconnect: () => disconnected(root),
    apiUrl,
  });
  const openApi = new URLSearchParams(location.search).get("view") === "api";
  const handle = mountApp(root, transport, { api: () => serverApi(apiUrl), openApi });
  handle.ready.then(
    () => {
      root.dataset.state = "ready";
    },
    () => {
      root.dataset.state = "failed";
    },
  );
}
