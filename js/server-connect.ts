/**
 * An app served by a Pagelet server, drawn into an element: the host
 * connected to the server's core over its WebSocket, with "Use via API"
 * reading the server's API info. The server's own page (`server-page.ts`)
 * and the `<gradio-app src>` element (`gradio-app-element.ts`) both use it.
 */
import { mountApp, type AppHandle } from "./index";
import { WebSocketTransport } from "./transport/websocket";
import type { ApiInfo, ApiSource } from "./api-view";

/** The API page's source on a server: `/gradio_api/info`, and `/config` for whether MCP is served. */
async function serverApi(appUrl: string, apiUrl: string): Promise<ApiSource> {
  const [info, config] = await Promise.all([
    fetch(new URL("info", apiUrl)).then((response) => response.json() as Promise<ApiInfo>),
    fetch(new URL("config", apiUrl)).then((response) => response.json() as Promise<{ mcp_server?: boolean }>),
  ]);
  return { kind: "server", appUrl, info, mcp: config.mcp_server === true };
}

function socketUrl(url: URL): string {
  const socket = new URL(url);
  socket.protocol = socket.protocol === "https:" ? "wss:" : "ws:";
  return socket.href;
}

function disconnected(root: HTMLElement): void {
  const banner = document.createElement("p");
  banner.className = "pagelet-disconnected";
  banner.setAttribute("role", "alert");
  banner.textContent = "The connection to the server was lost. Reload the page to reconnect.";
  root.prepend(banner);
}

export interface ServerAppOptions {
  /** The app's address (its page), ending in a slash. */
  appUrl: string;
  /** The WebSocket's and the API's paths, relative to `appUrl`. */
  socketPath?: string;
  apiPath?: string;
  /** Open the API page once the app is on screen (`?view=api`). */
  openApi?: boolean;
}

/** Connect to the app at `options.appUrl` and draw it into `root`; `destroy()` also closes the connection. */
export function connectServerApp(root: HTMLElement, options: ServerAppOptions): AppHandle {
  const apiUrl = new URL(options.apiPath ?? "gradio_api/", options.appUrl).href;
  const transport = new WebSocketTransport(socketUrl(new URL(options.socketPath ?? "ws", options.appUrl)), {
    onDisconnect: () => disconnected(root),
    apiUrl,
  });
  const app = mountApp(root, transport, { api: () => serverApi(options.appUrl, apiUrl), openApi: options.openApi === true });
  app.ready.then(
    () => {
      root.dataset.state = "ready";
    },
    () => {
      root.dataset.state = "failed";
    },
  );
  return {
    ready: app.ready,
    destroy() {
      app.destroy();
      transport.close();
    },
  };
}
