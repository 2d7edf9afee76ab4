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

/** A path of names from the root, as a key: names cannot hold "/" on any system the core runs on. */
const keyOf = (path: readonly string[]): string => path.join("/");

function selectedPaths(value: unknown): string[][] {
  if (!Array.isArray(value)) return [];
  return value.filter((item: unknown): item is string[] => Array.isArray(item)).map((item) => item.map(String));
}

/**
 * gr.FileExplorer: the folder tree under `root_dir`, folders open and shut
 * (`<details>`), each file (and each folder the glob matches) a checkbox named
 * by its file name. The value is Gradio's list of paths, each a list of names;
 * with `file_count="single"` checking one entry unchecks the others.
 */
export const fileexplorer: Renderer = (context): ComponentView => {
  const element = blockElement("fieldset", "fileexplorer");
  const parts = caption("legend", context.domId);
  const tree = document.createElement("div");
  tree.className = "pagelet-fileexplorer-tree";
  tree.style.overflow = "auto";
  element.append(parts.label, parts.info, tree);
  let selected = new Map<string, string[]>();
  let single = false;
  let editable = true;

  const checkbox = (entry: Entry, path: string[]): HTMLInputElement => {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = selected.has(keyOf(path));
    box.disabled = !editable;
    box.addEventListener("change", () => {
      if (single) selected.clear();
      if (box.checked) selected.set(keyOf(path), path);
      else selected.delete(keyOf(path));
      if (single) for (const other of tree.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) other.checked = other === box && box.checked;
      context.emit("input");
    });
    return box;
  };

  const fileRow = (entry: Entry, path: string[]): HTMLLabelElement => {
    const label = document.createElement("label");
    label.append(checkbox(entry, path), document.createTextNode(` ${entry.name}`));
    return label;
  };

  const list = (items: Entry[], parent: string[]): HTMLUListElement => {
    const ul = document.createElement("ul");
    ul.style.listStyle = "none";
    ul.style.paddingLeft = parent.length === 0 ? "0" : "1.25em";
    for (const entry of items) {
      const path = [...parent, entry.name];
      const li = document.createElement("li");
      if (entry.type === "folder") {
        const folder = document.createElement("details");
        const summary = document.createElement("summary");
        // The name opens the folder; its checkbox, named by it too, chooses the folder itself.
        if (entry.valid) {
          const box = checkbox(entry, path);
          box.setAttribute("aria-label", entry.name);
          summary.append(box, " ");
        }
        summary.append(entry.name);
        folder.append(summary, list(entries(entry.children), path));
        // Open the folders that hold a chosen file, so what is chosen shows.
        folder.open = [...selected.keys()].some((key) => key.startsWith(`${keyOf(path)}/`));
        li.append(folder);
      } else {
        li.append(fileRow(entry, path));
      }
      ul.append(li);
    }
    return ul;
  };

  return {
    element,
    update(props) {
      showCaption(parts, props);
      editable = interactive(props);
      single = str(props, "file_count", "multiple") === "single";
      selected = new Map(selectedPaths(props.value).map((path) => [keyOf(path), path]));
      const maxHeight = props.max_height;
      tree.style.maxHeight = typeof maxHeight === "number" ? `${maxHeight}px` : typeof maxHeight === "string" ? maxHeight : "";
      const items = entries(props.tree);
      tree.replaceChildren(items.length > 0 ? list(items, []) : document.createTextNode("No files here."));
    },
    getValue: () => [...selected.values()].map((path) => [...path]),
  };
};
