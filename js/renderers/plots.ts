import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from "chart.js";
import type { Props } from "../protocol";
import { blockElement, caption, showCaption } from "./block";
import { bool, displayText, num, optionalStr } from "./props";
import type { ComponentView, Renderer } from "./types";

// Only the parts the three plot kinds use, so the chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Title, Tooltip);

interface PlotValue {
  columns: string[];
  data: unknown[][];
  mark: "line" | "point" | "bar";
}

/** A temporal cell (milliseconds since the epoch, as Gradio sends it) as UTC text: "2024-01-01 10:00:00". */
function timeText(cell: unknown): unknown {
  if (typeof cell !== "number" || !Number.isFinite(cell)) return cell;
  return new Date(cell).toISOString().replace("T", " ").replace(/(\.000)?Z$/, "");
}

function readPlot(value: unknown): PlotValue | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.columns) || !Array.isArray(record.data)) return null;
  const mark = record.mark === "point" || record.mark === "bar" ? record.mark : "line";
  const columns = record.columns.map(displayText);
  const kinds = typeof record.datatypes === "object" && record.datatypes !== null ? (record.datatypes as Record<string, unknown>) : {};
  const temporal = columns.map((name) => kinds[name] === "temporal");
  const rows = record.data.filter(Array.isArray) as unknown[][];
  const data = temporal.some(Boolean) ? rows.map((row) => row.map((cell, index) => (temporal[index] ? timeText(cell) : cell))) : rows;
  return { columns, data, mark };
}

const COLORS = ["#f97316", "#3b82f6", "#10b981", "#ef4444", "#8b5cf6", "#eab308", "#06b6d4", "#ec4899"];

function column(plot: PlotValue, name: string | null, fallback: number): number {
  const index = name === null ? -1 : plot.columns.indexOf(name);
  return index >= 0 ? index : fallback;
}

/** The chart configuration for a plot value: one dataset per value of the `color` column. */
function configure(plot: PlotValue, props: Readonly<Props>): ChartConfiguration {
  const xIndex = column(plot, optionalStr(props, "x"), 0);
  const yIndex = column(plot, optionalStr(props, "y"), 1);
  const colorName = optionalStr(props, "color");
  const colorIndex = colorName === null ? -1 : plot.columns.indexOf(colorName);
  const numericX = plot.data.every((row) => typeof row[xIndex] === "number");
  const groups = new Map<string, unknown[][]>();
  for (const row of plot.data) {
    const key = colorIndex >= 0 ? displayText(row[colorIndex]) : (plot.columns[yIndex] ?? "");
    const rows = groups.get(key) ?? [];
    rows.push(row);
    groups.set(key, rows);
  }
  const colorMap = (typeof props.color_map === "object" && props.color_map !== null ? props.color_map : {}) as Record<string, unknown>;
  const labels = numericX ? undefined : [...new Set(plot.data.map((row) => displayText(row[xIndex])))];
  const datasets: ChartDataset[] = [...groups.entries()].map(([name, rows], index) => {
    const color = typeof colorMap[name] === "string" ? (colorMap[name] as string) : (COLORS[index % COLORS.length] ?? "#f97316");
    const points = rows.map((row) => ({ x: numericX ? Number(row[xIndex]) : displayText(row[xIndex]), y: Number(row[yIndex]) }));
    return {
      label: name,
      data: points as unknown as number[],
      borderColor: color,
      backgroundColor: color,
      ...(plot.mark === "point" ? { showLine: false } : {}),
    };
  });
  const limits = (key: string): { min?: number; max?: number } => {
    const value = props[key];
    return Array.isArray(value) && value.length === 2 ? { min: Number(value[0]), max: Number(value[1]) } : {};
  };
  const title = (key: string, fallback: string): { display: boolean; text: string } => ({ display: true, text: optionalStr(props, key) ?? fallback });
  const chartTitle = optionalStr(props, "title");
  return {
    type: plot.mark === "bar" ? "bar" : plot.mark === "point" && numericX ? "scatter" : "line",
    data: labels ? { labels, datasets } : { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: plot.mark === "bar" ? { xAxisKey: "x", yAxisKey: "y" } : undefined,
      scales: {
        x: { type: numericX && plot.mark !== "bar" ? "linear" : "category", title: title("x_title", plot.columns[xIndex] ?? ""), ...limits("x_lim") },
        y: { type: "linear", title: title("y_title", plot.columns[yIndex] ?? ""), ...limits("y_lim") },
      },
      plugins: {
        legend: { display: bool(props, "show_legend", true) && colorIndex >= 0 },
        title: { display: chartTitle !== null, text: chartTitle ?? "" },
      },
    },
  };
}

/** The data as a table for screen readers: a canvas shows nothing to them. */
function dataTable(plot: PlotValue, name: string): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "pagelet-sr-only";
  const captionElement = table.createCaption();
  captionElement.textContent = name;
  const head = table.createTHead().insertRow();
  for (const name of plot.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of plot.data) {
    const tr = body.insertRow();
    for (const cell of row) tr.insertCell().textContent = displayText(cell);
  }
  return table;
}

/** gr.LinePlot, gr.ScatterPlot, gr.BarPlot: a chart of the value's columns. */
export const nativePlot: Renderer = (context): ComponentView => {
  const element = blockElement("div", "plot");
  const parts = caption("span", context.domId);
  const frame = document.createElement("div");
  frame.className = "pagelet-plot-canvas";
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  frame.append(canvas);
  const table = document.createElement("div");
  element.append(parts.label, parts.info, frame, table);
  let chart: Chart | null = null;
  let value: unknown = null;

  return {
    element,
    update(props) {
      const label = showCaption(parts, props);
      value = props.value;
      const plot = readPlot(value);
      chart?.destroy();
      chart = null;
      frame.hidden = plot === null;
      const height = num(props, "height");
      frame.style.height = height === null ? "" : `${height}px`;
      const name = optionalStr(props, "title") ?? label;
      canvas.setAttribute("aria-label", name);
      if (plot === null) {
        table.replaceChildren();
        return;
      }
      chart = new Chart(canvas, configure(plot, props));
      table.replaceChildren(dataTable(plot, name));
    },
    getValue: () => value,
    destroy() {
      chart?.destroy();
    },
  };
};
