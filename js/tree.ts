import { NO_FILES, type FileAccess } from "./files";
import type { AppConfig, LayoutNode, Props } from "./protocol";
import { placeholder } from "./renderers/fallback";
import { loadRenderer } from "./renderers/registry";
import type { ChildView, ComponentView, RenderContext, Renderer } from "./renderers/types";
import type { ServerCalls } from "./server-calls";
import type { Store } from "./store";
import { errorText } from "./errors";
import type { ReportLevel } from "./toast";

export interface TreeOptions {
  readonly config: AppConfig;
  readonly store: Store;
  /** A view reported a user event on component `id`. */
  readonly emit: (id: number, event: string, eventData?: Record<string, unknown>) => void;
  /** Something went wrong that the person should hear about; the app goes on. */
  readonly report: (message: string, level?: ReportLevel) => void;
  /** File transfer with the core; without it uploads fail with a message. */
  readonly files?: FileAccess;
  /** Server function calls to the core; without them every call fails with a message. */
  readonly serverCalls?: ServerCalls;
}

interface Mounted {
  readonly id: number;
  readonly view: ComponentView;
  readonly child: ChildView;
  readonly childListeners: ((child: ChildView) => void)[];
  parent: Mounted | null;
  extraClasses: string[];
  /** Whether a `buttons=` toolbar was ever shown (so an update without buttons removes it). */
  toolbar: boolean;
  /** Where the element stands in the page while `visible=False` has taken it out. */
  marker: Comment | null;
}

// Several apps may share a page; DOM ids must not collide between them.
let appCount = 0;

/**
 * The rendered layout: one view per layout node, built bottom-up so that a
 * layout receives its children's elements. Also applies the props every
 * block shares (visible, container, elem_id, elem_classes, scale, min_width), so no
 * renderer has to.
 */
export class ComponentTree {
  readonly element: HTMLElement | null;
  readonly #mounted = new Map<number, Mounted>();
  readonly #options: TreeOptions;
  readonly #prefix: string;

  private constructor(options: TreeOptions, renderers: ReadonlyMap<string, Renderer>) {
    this.#options = options;
    appCount += 1;
    this.#prefix = `pagelet${appCount}`;
    const root = this.#create(options.config.layout, renderers, this.#prefix);
    this.element = root.view.element;
    this.#placeWithin(root);
  }

  /** Load the renderers the layout needs (in parallel), then build. */
  static async build(options: TreeOptions): Promise<ComponentTree> {
    return new ComponentTree(options, await ComponentTree.#renderersFor(options, options.config.layout));
  }

  /**
   * Rebuild the subtree rooted at `layout.id` (a `@gr.render` column) from the
   * store, and put it where the old one was. Views of the old subtree are destroyed.
   */
  /** Why a render may not replace block `id`, or null when it may (see `replace`). */
  renderRefusal(id: number): string | null {
    const old = this.#mounted.get(id);
    if (old === undefined) return `render for unknown block ${id}`;
    // A @gr.render column always sits inside the app: anything else would
    // drop the whole app, or a component, with a message from a broken core.
    if (old.parent === null) return `render cannot replace the app's root ${id}`;
    if (ComponentTree.#typeOf(this.#options, { id }) !== "column") return `render for block ${id}, which is not a column`;
    return null;
  }

  async replace(layout: LayoutNode): Promise<void> {
    const old = this.#mounted.get(layout.id);
    const refusal = this.renderRefusal(layout.id);
    if (old === undefined || refusal !== null) {
      this.#options.report(`Invalid message from the app: ${refusal ?? "render for unknown block"}`);
      return;
    }
    const renderers = await ComponentTree.#renderersFor(this.#options, layout);
    const retiring = [...this.#mounted.values()].filter((mounted) => this.#isWithin(mounted, old));
    const fresh = this.#create(layout, renderers, this.#prefix);
    fresh.parent = old.parent;
    // The old column may be out of the page (visible=False): the new one takes its marker's place.
    const spot = old.marker?.parentNode ? old.marker : old.view.element;
    if (spot && fresh.view.element) spot.replaceWith(fresh.view.element);
    this.#placeWithin(fresh);
    for (const mounted of retiring) {
      try {
        mounted.view.destroy?.();
      } catch {
        // The old view is going away either way.
      }
      if (this.#mounted.get(mounted.id) === mounted) this.#mounted.delete(mounted.id);
    }
  }

  #isWithin(mounted: Mounted, ancestor: Mounted): boolean {
    for (let node: Mounted | null = mounted; node !== null; node = node.parent) if (node === ancestor) return true;
    return false;
  }

  static async #renderersFor(options: TreeOptions, layout: LayoutNode): Promise<Map<string, Renderer>> {
    const types = new Set<string>();
    const visit = (node: LayoutNode): void => {
      types.add(ComponentTree.#typeOf(options, node));
      node.children?.forEach(visit);
    };
    visit(layout);
    const entries = await Promise.all(
      [...types].map(async (type): Promise<[string, Renderer]> => {
        try {
          return [type, await loadRenderer(type)];
        } catch (error) {
          options.report(`Could not load the ${type} component: ${errorText(error)}`);
          return [type, placeholder(`Could not load component: ${type}`)];
        }
      }),
    );
    return new Map(entries);
  }

  static #typeOf(options: TreeOptions, node: LayoutNode): string {
    // The root is the app's own Blocks, which is not among the components.
    return options.store.type(node.id) ?? (node.id === options.config.root ? "blocks" : "");
  }

  elementOf(id: number): HTMLElement | null {
    return this.#mounted.get(id)?.view.element ?? null;
  }

  /** What the person has entered in component `id`; undefined when it holds no value. */
  valueOf(id: number): unknown {
    return this.#mounted.get(id)?.view.getValue();
  }

  /** Show the store's current props of `id` (after the core changed them). */
  refresh(id: number): void {
    const mounted = this.#mounted.get(id);
    if (!mounted) return;
    this.#show(mounted);
    for (const listener of mounted.parent?.childListeners ?? []) {
      try {
        listener(mounted.child);
      } catch (error) {
        this.#options.report(`Could not update component ${id}: ${errorText(error)}`);
      }
    }
  }

  destroy(): void {
    for (const mounted of this.#mounted.values()) {
      try {
        mounted.view.destroy?.();
      } catch {
        // Tearing down: nothing left to tell.
      }
    }
    this.#mounted.clear();
    this.element?.remove();
  }

  #create(node: LayoutNode, renderers: ReadonlyMap<string, Renderer>, prefix: string): Mounted {
    const { store, emit, report } = this.#options;
    const id = node.id;
    const type = ComponentTree.#typeOf(this.#options, node);
    const children = (node.children ?? []).map((child) => this.#create(child, renderers, prefix));
    const childListeners: ((child: ChildView) => void)[] = [];
    const context: RenderContext = {
      id,
      type,
      domId: `${prefix}-${id}`,
      children: children.map((child) => child.child),
      emit: (event, eventData) => emit(id, event, eventData),
      setProps: (props) => store.set(id, props, "user"),
      onChildUpdate: (listener) => childListeners.push(listener),
      files: this.#options.files ?? NO_FILES,
      report,
      warn: (message) => report(message, "warning"),
      pageValues: () => [...store.entries()],
      callServer: this.#options.serverCalls?.forComponent(id) ?? (() => Promise.reject(new Error("This page cannot call the app's server functions."))),
    };

    let view: ComponentView;
    const renderer = type === "" ? placeholder(`Unsupported component: no component with id ${id}`) : renderers.get(type);
    try {
      view = (renderer ?? placeholder(`Unsupported component: ${type}`))(context);
    } catch (error) {
      report(`Could not show the ${type} component: ${errorText(error)}`);
      view = placeholder(`Could not show component: ${type}`)(context);
    }

    const mounted: Mounted = {
      id,
      view,
      childListeners,
      parent: null,
      extraClasses: [],
      toolbar: false,
      marker: null,
      child: {
        id,
        type,
        element: view.element,
        props: () => store.props(id),
        emit: (event, eventData) => emit(id, event, eventData),
      },
    };
    for (const child of children) child.parent = mounted;
    this.#mounted.set(id, mounted);
    this.#show(mounted);
    return mounted;
  }

  /** A renderer that throws must not take the app down: report, keep the old view. */
  #show(mounted: Mounted): void {
    const props = this.#options.store.props(mounted.id);
    try {
      mounted.view.update(props);
    } catch (error) {
      this.#options.report(`Could not update component ${mounted.id}: ${errorText(error)}`);
    }
    if (mounted.view.element) this.#applyCommon(mounted, mounted.view.element, props);
    if (mounted.view.element && (Array.isArray(props.buttons) || mounted.toolbar)) this.#showToolbar(mounted, mounted.view.element, props);
  }

  /** Gradio 6's `buttons=`: a lazy chunk, fetched only when some component has buttons. */
  #showToolbar(mounted: Mounted, element: HTMLElement, props: Readonly<Props>): void {
    mounted.toolbar = true;
    const { emit, store, report } = this.#options;
    const files = this.#options.files ?? NO_FILES;
    void import("./renderers/toolbar").then(
      ({ showToolbar }) =>
        showToolbar(element, props, {
          type: store.type(mounted.id) ?? "",
          value: () => store.value(mounted.id),
          click: (id) => emit(id, "click"),
          files,
        }),
      (error: unknown) => report(`Could not show the component's buttons: ${errorText(error)}`),
    );
  }

  /**
   * Gradio's three visibilities: `visible="hidden"` keeps the block in the
   * page, not shown (its value and state stay, the page finds it by id);
   * `visible=False` takes it out of the page, as Gradio renders nothing for
   * it, and a marker keeps its place for when it comes back (the same
   * element, so what the person entered survives).
   */
  #applyVisibility(mounted: Mounted, element: HTMLElement, props: Readonly<Props>): void {
    element.hidden = props.visible === "hidden";
    if (props.visible === false) {
      // Not yet in its parent while the tree is being built: `#placeWithin` comes back for it.
      if (element.parentNode === null) return;
      mounted.marker ??= document.createComment(`pagelet block ${mounted.id}, visible=False`);
      element.replaceWith(mounted.marker);
    } else if (mounted.marker?.parentNode) {
      mounted.marker.replaceWith(element);
    }
  }

  /** Take out of the page the blocks of a freshly built subtree that start with visible=False. */
  #placeWithin(top: Mounted): void {
    for (const mounted of this.#mounted.values()) {
      if (!mounted.view.element || !this.#isWithin(mounted, top)) continue;
      this.#applyVisibility(mounted, mounted.view.element, this.#options.store.props(mounted.id));
    }
  }

  #applyCommon(mounted: Mounted, element: HTMLElement, props: Readonly<Props>): void {
    this.#applyVisibility(mounted, element, props);
    // Gradio's `container=False`: the component without its framed block.
    element.classList.toggle("pagelet-bare", props.container === false);
    const elemId = props.elem_id;
    if (typeof elemId === "string" && elemId !== "") element.id = elemId;
    else element.removeAttribute("id");

    const raw = props.elem_classes;
    const wanted = (typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw : [])
      .filter((name: unknown): name is string => typeof name === "string")
      .flatMap((name) => name.split(/\s+/))
      .filter((name) => name !== "");
    element.classList.remove(...mounted.extraClasses);
    element.classList.add(...wanted);
    mounted.extraClasses = wanted;

    const scale = props.scale;
    if (typeof scale === "number" && Number.isFinite(scale)) element.style.setProperty("--pagelet-scale", String(scale));
    else element.style.removeProperty("--pagelet-scale");
    const minWidth = props.min_width;
    if (typeof minWidth === "number" && Number.isFinite(minWidth)) element.style.setProperty("--pagelet-min-width", `${minWidth}px`);
    else element.style.removeProperty("--pagelet-min-width");
    showValidationError(element, props.validation_error);
  }
}

/** A listener's validator refused this input (Gradio 6's `gr.validate`): its message shows in the block until it passes. */
function showValidationError(element: HTMLElement, message: unknown): void {
  let note = element.querySelector<HTMLElement>(":scope > .pagelet-validation-error");
  if (typeof message !== "string" || message === "") {
    note?.remove();
    return;
  }
  if (note === null) {
    note = document.createElement("div");
    note.className = "pagelet-validation-error";
    note.setAttribute("role", "alert");
    element.append(note);
  }
  note.textContent = message;
}
