/**
 * The app's footer, as Gradio's: "Use via API" (which opens the API page
 * below the app) · Built with Gradio · Settings, and `openApiView`, the one
 * way to open the API page. Small on purpose: the API page (`api-view.ts`)
 * and the settings (`settings.ts`) are lazy chunks, fetched on first use.
 */
import type { ApiSource } from "./api-view";
import { ApiRecorder, type RecordedCall } from "./api-recorder";

/** Where the API page reads the endpoints: the server's API info, or the app's config. */
export type ApiSourceLoader = () => Promise<ApiSource>;

/**
 * Open the API page after `after` (replacing one already open); resolves
 * once it is shown. Close gives the focus back to `returnFocus`. With a
 * `recorder`, the page offers to start recording and shows `recorded`.
 */
export async function openApiView(
  after: HTMLElement,
  load: ApiSourceLoader,
  returnFocus?: HTMLElement,
  recorder?: ApiRecorder,
  recorded: RecordedCall[] = [],
): Promise<HTMLElement> {
  const [{ apiView }, source] = await Promise.all([import("./api-view"), load()]);
  after.parentElement?.querySelector(":scope > .pagelet-api")?.remove();
  const close = (): void => {
    view.remove();
    returnFocus?.focus();
  };
  const recording = recorder === undefined ? undefined : {
    calls: recorded,
    start: () => {
      view.remove();
      recorder.start();
    },
  };
  const view = apiView(source, close, recording);
  after.after(view);
  view.querySelector("h2")?.setAttribute("tabindex", "-1");
  view.querySelector<HTMLElement>("h2")?.focus();
  return view;
}

// Small line icons of our own, as the footer's pictures (Gradio shows one beside each link).
const API_ICON = "M4 6h16M4 12h10M4 18h6";
const GEAR_ICON = "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2";

function icon(path: string, alt: string): HTMLImageElement {
  const image = document.createElement("img");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#6b7280" stroke-width="2" stroke-linecap="round"><path d="${path}"/></svg>`;
  image.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  image.alt = alt;
  image.width = 14;
  image.height = 14;
  return image;
}

export interface FooterOptions {
  /** The app's body: the API page opens after it. */
  after: HTMLElement;
  load: ApiSourceLoader;
  report: (message: string) => void;
  /** The person pressed Settings (the button, to give the focus back to). */
  openSettings: (button: HTMLButtonElement) => void;
}

export interface Footer {
  readonly element: HTMLElement;
  /** Keeps the endpoint calls made while recording (see `api-recorder.ts`). */
  readonly recorder: ApiRecorder;
  /** Open the API page, as "Use via API" does. */
  openApi(): Promise<HTMLElement>;
  /** Show the Settings button's word in the page's language. */
  setSettingsLabel(text: string): void;
}

export function appFooter(options: FooterOptions): Footer {
  const footer = document.createElement("footer");
  footer.className = "pagelet-footer";
  const recorder = new ApiRecorder(footer, (calls) => {
    openApiView(options.after, options.load, api, recorder, calls).catch(failed);
  });
  const failed = (error: unknown): void => options.report(`Could not show the API: ${String(error)}`);
  // Gradio's button, named as Gradio's is ("Use via API logo": its picture's alt is "logo").
  const api = document.createElement("button");
  api.type = "button";
  api.className = "show-api";
  api.append("Use via API ", icon(API_ICON, "logo"));
  const openApi = (): Promise<HTMLElement> => openApiView(options.after, options.load, api, recorder);
  api.addEventListener("click", () => {
    openApi().catch(failed);
  });
  const built = document.createElement("a");
  built.href = "https://www.gradio.app";
  built.target = "_blank";
  built.rel = "noopener noreferrer";
  built.textContent = "Built with Gradio";
  const settings = document.createElement("button");
  settings.type = "button";
  settings.className = "settings";
  const settingsWord = document.createElement("span");
  settingsWord.textContent = "Settings";
  // The picture is decoration here: the button's name is its word alone.
  settings.append(settingsWord, icon(GEAR_ICON, ""));
  settings.addEventListener("click", () => options.openSettings(settings));
  // Gradio's wording, which its tests and visitors look for: "Use via API · Built with Gradio".
  footer.append(api, " · ", built, " · Runs on Pagelet · ", settings);
  return {
    element: footer,
    recorder,
    openApi,
    setSettingsLabel(text) {
      settingsWord.textContent = text;
    },
  };
}
