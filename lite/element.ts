import {
  STATE_EVENT,
  type PageletAppOptions,
  type PageletState,
  type PageletStateDetail,
} from "./app";
import { createGradioApp, type GradioAppController } from "./controller";
import type { MemoryUsage } from "./messages";
import { describe } from "./fetch";
import { elementPersistKey } from "./persist-key";
import { failurePanel } from "./progress";
import { readAppSource, readDisplayOptions } from "./source";

/** The one slot of the element's shadow root; only what lite puts there is shown. */
const SLOT = "pagelet";

/**
 * `<gradio-lite>`: runs the Python app written inside it (see `lite/source.ts`
 * for what it may hold).
 *
 * The element's shadow root has a single named slot, and only lite's own
 * container is assigned to it: the source text and sub-elements are never
 * rendered, from the moment the element is upgraded, even while the parser is
 * still adding them. The container stays in the light DOM, so the page's and
 * the host's styles apply to the app as to the rest of the page.
 */
export class GradioLiteElement extends HTMLElement {
  #app: GradioAppController | undefined;
  #mount: HTMLElement | undefined;
  /** The source nodes, out of the document while the app runs; put back if the element leaves. */
  #source: DocumentFragment | undefined;
  #ready!: Promise<void>;
  #settle!: { resolve: () => void; reject: (error: unknown) => void };

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    shadow.innerHTML = `<style>:host { display: block; }</style><slot name="${SLOT}"></slot>`;
    this.#renew();
    // The app's state, mirrored as `data-state` so that pages and tests can wait on the element.
    this.addEventListener(STATE_EVENT, (event) => this.#show((event as CustomEvent<PageletStateDetail>).detail.state));
  }

  /** Resolves when the app is on screen; rejects, with the message shown, if it cannot start. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** The JS API's controller of this element's app (`run_code`, `write`, events …), once it has started. */
  get controller(): GradioAppController | undefined {
    return this.#app;
  }

  /** How much memory this app's Python holds; see `PageletApp.memoryUsage`. */
  memoryUsage(): Promise<MemoryUsage> {
    return this.#app?.memoryUsage() ?? Promise.reject(new Error("The app has not started"));
  }

  connectedCallback(): void {
    // A move within the page keeps the running app.
    if (this.#mount) return;
    const mount = document.createElement("div");
    mount.slot = SLOT;
    mount.className = "pagelet-mount";
    this.append(mount);
    this.#mount = mount;
    this.#show("booting");
    void afterParsing(this.ownerDocument).then(() => this.#start(mount));
  }

  disconnectedCallback(): void {
    // A move is a disconnect then a connect in the same task: only stop if still out.
    queueMicrotask(() => {
      if (!this.isConnected) this.#stop();
    });
  }

  async #start(mount: HTMLElement): Promise<void> {
    if (this.#mount !== mount) return;
    let options: PageletAppOptions;
    try {
      options = await readAppSource(this);
    } catch (error) {
      if (this.#mount !== mount) return;
      this.#stashSource(mount);
      mount.append(failurePanel("The app could not start", describe(error)));
      this.#show("failed");
      this.#settle.reject(error);
      return;
    }
    if (this.#mount !== mount) return;
    this.#stashSource(mount);
    this.#app = createGradioApp({ target: mount, ...options, ...readDisplayOptions(this), persistKey: elementPersistKey(this) });
    this.#app.ready.then(this.#settle.resolve, this.#settle.reject);
  }

  #stop(): void {
    this.#settle.reject(new Error("The element was removed before its app started"));
    this.#app?.destroy();
    this.#app = undefined;
    this.#mount?.remove();
    this.#mount = undefined;
    if (this.#source) this.prepend(this.#source);
    this.#source = undefined;
    this.#renew();
  }

  /**
   * Take the source out of the document once it is read. Unrendered, it would
   * still be found by text searches (find in page, test locators), next to
   * the app's own labels.
   */
  #stashSource(mount: HTMLElement): void {
    const source = document.createDocumentFragment();
    for (const node of Array.from(this.childNodes)) if (node !== mount) source.append(node);
    this.#source = source;
  }

  #show(state: PageletState): void {
    this.dataset.state = state;
  }

  #renew(): void {
    this.#ready = new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // Failures are shown in the element; an unawaited `ready` should not also log one.
    this.#ready.catch(() => undefined);
  }
}

/**
 * Resolve once the document is parsed, so the element's content is complete:
 * a script loaded before the element sees it connected while still empty.
 * A microtask at the least, so that children appended right after the
 * element itself, by a script, are there too.
 */
function afterParsing(doc: Document): Promise<void> {
  if (doc.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener("DOMContentLoaded", () => resolve(), { once: true }));
}
