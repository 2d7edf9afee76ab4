/**
 * The line under an app served by `demo.launch()`, as Gradio draws it:
 * "Use via API · Built with Gradio · Runs on Pagelet". Gradio's own tests and
 * visitors look for it there.
 */

/** Show how to call the app from code: the API page, at `?view=api`. */
export function openApiView(): void {
  const url = new URL(location.href);
  url.searchParams.set("view", "api");
  location.assign(url.href);
}

export function appFooter(): HTMLElement {
  const footer = document.createElement("footer");
  footer.className = "pagelet-footer";
  const api = document.createElement("button");
  api.type = "button";
  api.className = "pagelet-footer-link";
  api.textContent = "Use via API";
  api.addEventListener("click", openApiView);
  const built = document.createElement("a");
  built.className = "pagelet-footer-link";
  built.href = "https://www.gradio.app";
  built.target = "_blank";
  built.rel = "noreferrer";
  built.textContent = "Built with Gradio";
  footer.append(api, " · ", built, " · Runs on Pagelet");
  return footer;
}
