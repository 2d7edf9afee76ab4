/**
 * The app's footer link "Use via API", and `openApiView`, the one way to
 * open the API page. Small on purpose: the page itself (`api-view.ts`) is a
 * lazy chunk, fetched on the first open.
 */
import type { ApiSource } from "./api-view";

/** Where the API page reads the endpoints: the server's API info, or the app's config. */
export type ApiSourceLoader = () => Promise<ApiSource>;

/**
 * Open the API page after `after` (replacing one already open); resolves
 * once it is shown. Close gives the focus back to `returnFocus`.
 */
export async function openApiView(after: HTMLElement, load: ApiSourceLoader, returnFocus?: HTMLElement): Promise<HTMLElement> {
  const [{ apiView }, source] = await Promise.all([import("./api-view"), load()]);
  after.parentElement?.querySelector(":scope > .pagelet-api")?.remove();
  const view = apiView(source, () => {
    view.remove();
    returnFocus?.focus();
  });
  after.after(view);
  view.querySelector("h2")?.setAttribute("tabindex", "-1");
  view.querySelector<HTMLElement>("h2")?.focus();
  return view;
}

/** The footer: "Use via API" (which opens the API page below the app) · Built with Gradio · Runs on Pagelet. */
export function apiFooter(after: HTMLElement, load: ApiSourceLoader, report: (message: string) => void): HTMLElement {
  const footer = document.createElement("footer");
  footer.className = "pagelet-footer";
  const link = document.createElement("a");
  link.href = "?view=api";
  link.textContent = "Use via API";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    openApiView(after, load, link).catch((error: unknown) => report(`Could not show the API: ${String(error)}`));
  });
  // Gradio's wording, which its tests and visitors look for: "Use via API · Built with Gradio".
  const built = document.createElement("a");
  built.href = "https://www.gradio.app";
  built.target = "_blank";
  built.rel = "noopener noreferrer";
  built.textContent = "Built with Gradio";
  footer.append(link, " · ", built, " · Runs on Pagelet");
  return footer;
}
