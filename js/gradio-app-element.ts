/**
 * `<gradio-app src="https://my-app.example/">`: an app served by a Pagelet
 * server, embedded in any page, as Gradio's web component embeds one. The
 * page loads the server's script (`<script type="module"
 * src="https://my-app.example/assets/index-page.js">`); the element connects
 * to `src` and draws the app inside itself, with the server's stylesheet.
 * Moving the element (removed and put back in one task) keeps the app; an
 * element removed for good closes its connection.
 */
import { connectServerApp } from "./server-connect";
import type { AppHandle } from "./index";

function addStylesheet(href: string): void {
  if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`) !== null) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

export class GradioAppElement extends HTMLElement {
  #app: AppHandle | null = null;

  connectedCallback(): void {
    if (this.#app !== null) return;
    const src = this.getAttribute("src");
    if (src === null || src.trim() === "") {
      this.textContent = "This <gradio-app> has no src: give it the address of a Pagelet app.";
      return;
    }
    const appUrl = new URL(src, document.baseURI);
    if (!appUrl.pathname.endsWith("/")) appUrl.pathname += "/";
    // The stylesheet sits beside this script on the app's server.
    addStylesheet(new URL("page.css", import.meta.url).href);
    const root = document.createElement("main");
    root.className = "pagelet";
    this.replaceChildren(root);
    this.#app = connectServerApp(root, { appUrl: appUrl.href });
  }

  disconnectedCallback(): void {
    // A move is a removal and an insertion in one task: only an element still out after it is gone.
    queueMicrotask(() => {
      if (this.isConnected || this.#app === null) return;
      this.#app.destroy();
      this.#app = null;
    });
  }
}

/** Define `<gradio-app>`, unless the page already has one (Gradio's own, or this script loaded twice). */
export function defineGradioApp(): void {
  if (customElements.get("gradio-app") === undefined) customElements.define("gradio-app", GradioAppElement);
}
