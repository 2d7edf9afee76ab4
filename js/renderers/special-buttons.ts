import { button } from "./button";
import { str } from "./props";
import type { ComponentView, Renderer } from "./types";
import { deepLinkUrl } from "../deep-link";

/** How long the button says "Link Copied!" before its own text comes back (Gradio: 1 s). */
const COPIED_FOR_MS = 1000;

/**
 * gr.DeepLinkButton: copies a link to the app with every component's value
 * in it (see `deep-link.ts`), and says so on the button for a moment. Where
 * the clipboard is refused (no permission, not a secure page), the link is
 * shown to copy by hand.
 */
export const deeplinkbutton: Renderer = (context): ComponentView => {
  const view = button(context);
  const element = view.element as HTMLButtonElement;
  const wrapper = document.createElement("div");
  wrapper.className = "pagelet-deeplink";
  const fallback = document.createElement("input");
  fallback.readOnly = true;
  fallback.hidden = true;
  fallback.setAttribute("aria-label", "Link to this app");
  wrapper.append(element, fallback);
  let props: Readonly<Record<string, unknown>> = {};
  let timer: number | undefined;

  element.addEventListener("click", () => {
    void (async () => {
      const link = await deepLinkUrl(context.pageValues());
      try {
        await navigator.clipboard.writeText(link);
        fallback.hidden = true;
      } catch {
        fallback.value = link;
        fallback.hidden = false;
        fallback.select();
      }
      element.textContent = str(props, "copied_value", "Link Copied!");
      window.clearTimeout(timer);
      timer = window.setTimeout(() => view.update(props), COPIED_FOR_MS);
    })();
  });

  return {
    element: wrapper,
    update(next) {
      props = next;
      view.update(next);
    },
    getValue: view.getValue,
    destroy: () => window.clearTimeout(timer),
  };
};

/**
 * gr.LoginButton: Hugging Face OAuth, which Pagelet does not have. A click
 * says so where the visitor looks (the app goes on): in the browser there is
 * no server to sign in to; on a server, `launch(auth=...)` is the way in.
 */
export const loginbutton: Renderer = (context): ComponentView => {
  const view = button(context);
  const wrapper = document.createElement("div");
  wrapper.className = "pagelet-loginbutton";
  const message = document.createElement("p");
  message.setAttribute("role", "status");
  message.hidden = true;
  wrapper.append(view.element as HTMLElement, message);
  (view.element as HTMLElement).addEventListener("click", () => {
    message.textContent =
      "Signing in with Hugging Face is not available here: a page running in the browser has no server to sign in to, " +
      "and a Pagelet server signs visitors in with its own login (launch(auth=...)).";
    message.hidden = false;
  });
  return { element: wrapper, update: view.update, getValue: view.getValue };
};
