import type { FileAccess } from "../files";
import { isFileData, type Props } from "../protocol";
import { blockElement, showCaption, caption } from "./block";
import { displayText, num } from "./props";
import type { ComponentView, Renderer } from "./types";

/** A sample cell as text: files by their name, the rest as a person reads it. */
function sampleText(value: unknown): string {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    // A video sample is Gradio's {video, subtitles}: named by its video.
    if ("video" in record) return sampleText(record.video);
    for (const key of ["orig_name", "path", "url"]) {
      const name = record[key];
      if (typeof name === "string") return name;
    }
  }
  return displayText(value);
}

/** A picture of an image sample (as Gradio's examples show one), or null for any other sample. */
function samplePicture(value: unknown, type: unknown, files: FileAccess): HTMLImageElement | null {
  if (type !== "image" || !isFileData(value)) return null;
  const url = files.url(value);
  if (url === null) return null;
  const picture = document.createElement("img");
  picture.className = "pagelet-sample-image";
  picture.src = url;
  // The cell's button (or column header) names the sample; the picture adds no words.
  picture.alt = "";
  return picture;
}

function rowsOf(props: Readonly<Props>): unknown[][] {
  const samples = props.samples;
  if (!Array.isArray(samples)) return [];
  return samples.map((sample: unknown) => (Array.isArray(sample) ? sample : [sample]));
}

/**
 * Gradio's Examples: a table of samples; choosing one makes its index the
 * dataset's value and fires `click` (and `select`). Each row's first cell holds
 * a button, so a sample is reachable by keyboard while the table keeps its
 * table semantics; a click anywhere on the row does the same.
 */
export const dataset: Renderer = (context): ComponentView => {
  const element = blockElement("div", "dataset");
  // Gradio's caption is a `div.label` ("Examples" unless labelled); tests and CSS find the block by it.
  const parts = caption("div", context.domId);
  parts.label.classList.add("label");
  parts.label.setAttribute("role", "heading");
  parts.label.setAttribute("aria-level", "3");
  const table = document.createElement("table");
  table.className = "pagelet-samples";
  table.setAttribute("aria-labelledby", parts.label.id);
  const head = table.createTHead();
  const body = table.createTBody();
  const pager = document.createElement("nav");
  pager.className = "pagelet-pager";
  element.append(parts.label, parts.info, table, pager);

  let samples: unknown[][] = [];
  let types: unknown[] = [];
  let perPage = 10;
  let page = 0;
  let selected: number | null = null;

  const choose = (index: number): void => {
    selected = index;
    context.emit("click");
    context.emit("select");
  };

  const renderPage = (): void => {
    const start = page * perPage;
    body.replaceChildren(
      ...samples.slice(start, start + perPage).map((sample, offset) => {
        const index = start + offset;
        const texts = sample.map(sampleText);
        const row = document.createElement("tr");
        row.className = "pagelet-sample";
        row.addEventListener("click", () => choose(index));
        texts.forEach((text, column) => {
          const cell = row.insertCell();
          // Gradio's class for a sample's cell: "table" in a table of several inputs, "gallery" for one.
          cell.className = texts.length > 1 ? "table" : "gallery";
          const picture = samplePicture(sample[column], types[column], context.files);
          if (column > 0) {
            if (picture) {
              picture.alt = text;
              cell.append(picture);
            } else cell.textContent = text;
            return;
          }
          const pick = document.createElement("button");
          pick.type = "button";
          pick.className = "pagelet-sample-button";
          if (picture) pick.append(picture);
          else pick.textContent = text;
          pick.setAttribute("aria-label", texts.filter((part) => part !== "").join(", "));
          cell.append(pick);
        });
        return row;
      }),
    );

    const pages = Math.ceil(samples.length / perPage);
    pager.hidden = pages <= 1;
    pager.setAttribute("aria-label", "Pages");
    pager.replaceChildren(
      ...Array.from({ length: pages > 1 ? pages : 0 }, (_, number) => {
        const link = document.createElement("button");
        link.type = "button";
        link.className = "pagelet-page";
        link.textContent = String(number + 1);
        link.setAttribute("aria-label", `Page ${number + 1}`);
        if (number === page) link.setAttribute("aria-current", "page");
        link.addEventListener("click", () => {
          page = number;
          renderPage();
        });
        return link;
      }),
    );
  };

  return {
    element,
    update(props) {
      showCaption(parts, props, undefined, "Examples");
      const headers = Array.isArray(props.headers) ? props.headers.map(displayText) : [];
      head.replaceChildren();
      head.hidden = headers.length === 0;
      if (headers.length > 0) {
        const row = head.insertRow();
        for (const header of headers) {
          const cell = document.createElement("th");
          cell.scope = "col";
          cell.textContent = header;
          row.append(cell);
        }
      }
      samples = rowsOf(props);
      types = Array.isArray(props.components) ? props.components : [];
      perPage = Math.max(1, num(props, "samples_per_page") ?? 10);
      page = Math.min(page, Math.max(0, Math.ceil(samples.length / perPage) - 1));
      selected = num(props, "value");
      renderPage();
    },
    getValue: () => selected,
  };
};
