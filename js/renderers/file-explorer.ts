import { sameValue } from "../store";
import { blockElement, caption, interactive, showCaption } from "./block";
import { str } from "./props";
import type { ComponentView, Renderer } from "./types";

/** One entry of the tree the core lists (`FileExplorer.tree()`). */
interface Entry {
  name: string;
  type: "file" | "folder";
  valid: boolean;
  children?: Entry[];
}

function entries(value: unknown): Entry[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item: unknown): item is Entry => typeof item === "object" && item !== null && typeof (item as Entry).name === "string");
}

/**
 * What Gradio lists inside a folder: a folder the glob matches starts with
 * ".", the folder itself as a path one can choose (it reaches the app as the
 * folder's path).
 */
function contentOf(folder: Entry): Entry[] {
  const children = entries(folder.children);
  return folder.valid ? [{ name: ".", type: "file", valid: true }, ...children] : children;
}

/** A path of names from the root, as a key: names cannot hold "/" on any system the core runs on. */
const keyOf = (path: readonly string[]): string => path.join("/");
const isInside = (key: string, folderKey: string): boolean => key.startsWith(`${folderKey}/`);

function selectedPaths(value: unknown): string[][] {
  if (!Array.isArray(value)) return [];
  return value.filter((item: unknown): item is string[] => Array.isArray(item)).map((item) => item.map(String));
}

/** One entry on the page. */
interface RowView {
  readonly entry: Entry;
  readonly path: string[];
  readonly li: HTMLLIElement;
  box: HTMLInputElement | null;
  expand: HTMLButtonElement | null;
  /** The folder's list, while it is open. */
  content: HTMLUListElement | null;
}

const SVG = "http://www.w3.org/2000/svg";

/** The folder's arrow, drawn (no text, so the tree's text is its names alone). */
function arrow(): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 14 17");
  svg.setAttribute("width", "10");
  svg.setAttribute("height", "12");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M1 1 L13 8.5 L1 16 Z");
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

/**
 * gr.FileExplorer, in Gradio's markup: a list per folder, each entry a
 * `span.wrap` holding its checkbox (named by the entry's name), a folder's
 * "expand directory" button and the name. A folder's list is on the page
 * only while it is open. The value is Gradio's list of chosen files, each a
 * list of names; checking a folder chooses everything in it (and opens it),
 * unchecking an entry unchooses the folders around it. With
 * `file_count="single"` one file is chosen and folders have no checkbox.
 */
export const fileexplorer: Renderer = (context): ComponentView => {
  const element = blockElement("fieldset", "fileexplorer");
  const parts = caption("legend", context.domId);
  const tree = document.createElement("div");
  tree.className = "pagelet-fileexplorer-tree file-wrap";
  tree.style.overflow = "auto";
  element.append(parts.label, parts.info, tree);
  let files = new Map<string, string[]>();
  const folders = new Set<string>();
  const opened = new Set<string>();
  let items: Entry[] = [];
  let single = false;
  let editable = true;
  // The root and globs of the tree shown.
  let listing: string | null = null;
  const getValue = (): string[][] => [...files.values()].map((path) => [...path]);

  /** Choose `folder` and all it holds, as Gradio does once it has opened each folder inside. */
  const chooseAll = (folder: Entry, path: string[]): void => {
    folders.add(keyOf(path));
    opened.add(keyOf(path));
    for (const child of contentOf(folder)) {
      const childPath = [...path, child.name];
      if (child.type === "folder") chooseAll(child, childPath);
      else files.set(keyOf(childPath), childPath);
    }
  };

  const toggle = (entry: Entry, path: string[], checked: boolean): void => {
    const key = keyOf(path);
    if (checked) {
      if (single) {
        files = new Map([[key, path]]);
        folders.clear();
      } else if (entry.type === "folder") chooseAll(entry, path);
      else files.set(key, path);
    } else {
      // Nothing around an unchosen entry is chosen entirely any more.
      for (const folder of [...folders]) if (isInside(key, folder)) folders.delete(folder);
      if (entry.type === "folder") {
        for (const folder of [...folders]) if (folder === key || isInside(folder, key)) folders.delete(folder);
        for (const file of [...files.keys()]) if (isInside(file, key)) files.delete(file);
      } else files.delete(key);
    }
    sync();
    context.emit("input");
  };

  /** The entries on the page, by key: a person's action changes them in place, so the control acted on stays. */
  const rows = new Map<string, RowView>();

  const row = (entry: Entry, path: string[]): HTMLLIElement => {
    const key = keyOf(path);
    const li = document.createElement("li");
    const wrap = document.createElement("span");
    wrap.className = "wrap";
    const name = document.createElement("span");
    name.className = "item-name";
    name.textContent = entry.name;
    const isFolder = entry.type === "folder";
    const view: RowView = { entry, path, li, box: null, expand: null, content: null };

    if (isFolder) {
      const expand = document.createElement("button");
      expand.type = "button";
      expand.className = "icon";
      // Gradio's name for the control, then the folder's, so each one is told apart.
      expand.setAttribute("aria-label", `expand directory ${entry.name}`);
      expand.append(arrow());
      expand.addEventListener("click", () => {
        if (opened.has(key)) opened.delete(key);
        else opened.add(key);
        sync();
      });
      view.expand = expand;
      wrap.append(expand);
    } else {
      const icon = document.createElement("span");
      icon.className = "file-icon";
      icon.setAttribute("aria-hidden", "true");
      wrap.append(icon);
    }

    // Gradio gives a folder no checkbox when one file is chosen at most.
    if (!(isFolder && single)) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.disabled = !editable;
      box.addEventListener("change", () => toggle(entry, path, box.checked));
      view.box = box;
      label.append(box, name);
      wrap.append(label);
    } else wrap.append(name);
    // The spaces keep the names apart in the tree's text ("dir4 . dir5 notes.txt").
    wrap.append(" ");
    li.append(wrap);
    rows.set(key, view);
    return li;
  };

  const list = (content: Entry[], parent: string[]): HTMLUListElement => {
    const ul = document.createElement("ul");
    if (parent.length === 0) ul.className = "root";
    for (const entry of content) ul.append(row(entry, [...parent, entry.name]));
    return ul;
  };

  /** Show what is chosen and open; a folder's list is made when it opens and goes when it shuts. */
  const sync = (): void => {
    // Opening a folder adds its rows, which may be open folders too: go on until none is added.
    const seen = new Set<RowView>();
    let pending = [...rows.values()];
    while (pending.length > 0) {
      for (const view of pending) show(view);
      for (const view of pending) seen.add(view);
      pending = [...rows.values()].filter((view) => !seen.has(view));
    }
  };

  const show = (view: RowView): void => {
    const key = keyOf(view.path);
    // A row inside a folder shut in this pass is off the page already.
    if (rows.get(key) !== view) return;
    if (view.box) view.box.checked = view.entry.type === "folder" ? folders.has(key) : files.has(key);
    if (!view.expand) return;
    const open = opened.has(key);
    view.expand.setAttribute("aria-expanded", String(open));
    if (open && view.content === null) {
      view.content = list(contentOf(view.entry), view.path);
      view.li.append(view.content);
    } else if (!open && view.content !== null) {
      view.content.remove();
      view.content = null;
      for (const inner of [...rows.keys()]) if (isInside(inner, key)) rows.delete(inner);
    }
  };

  const draw = (): void => {
    rows.clear();
    tree.replaceChildren(items.length > 0 ? list(items, []) : document.createTextNode("No files here."));
    sync();
  };

  return {
    element,
    update(props) {
      showCaption(parts, props);
      editable = interactive(props);
      single = str(props, "file_count", "multiple") === "single";
      const unchanged = sameValue(props.value, getValue());
      files = new Map(selectedPaths(props.value).map((path) => [keyOf(path), path]));
      // As in Gradio, a new root or glob is a new tree: what was chosen in the old one goes,
      // unless the same update chose anew (then the value differs from what this view holds).
      const listed = JSON.stringify([props.root_dir, props.glob, props.ignore_glob]);
      const stale = listing !== null && listed !== listing && files.size > 0 && unchanged;
      if (listing !== null && listed !== listing) opened.clear();
      listing = listed;
      if (stale) {
        files.clear();
        folders.clear();
        queueMicrotask(() => context.emit("change"));
      }
      for (const folder of [...folders]) if (![...files.keys()].some((file) => isInside(file, folder))) folders.delete(folder);
      // Open the folders that hold a chosen file, so what is chosen shows.
      for (const path of files.values()) for (let depth = 1; depth < path.length; depth += 1) opened.add(keyOf(path.slice(0, depth)));
      const maxHeight = props.max_height;
      tree.style.maxHeight = typeof maxHeight === "number" ? `${maxHeight}px` : typeof maxHeight === "string" ? maxHeight : "";
      items = entries(props.tree);
      draw();
    },
    getValue,
  };
};
