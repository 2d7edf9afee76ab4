/**
 * The footer's Settings, as Gradio shows them: a modal dialog over a
 * backdrop, named by its title in the page's language, with the page's
 * language to choose among Gradio's. A lazy chunk: fetched on the first
 * press of Settings.
 */
import { createCombobox } from "./renderers/combobox";
import { GRADIO_LOCALES, pageLocale, settingsWord } from "./i18n";

export interface SettingsOptions {
  /** The locale the page shows now (one of Gradio's). */
  locale: string;
  /** The person chose `locale`. */
  onLanguage: (locale: string) => void;
  /** The dialog closed (its backdrop, Close or Escape). */
  onClose: () => void;
}

/** A language's name in itself, as a person looks for it ("Español", "Deutsch"). */
export function languageName(locale: string): string {
  let name = locale;
  try {
    name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  } catch {
    // An engine without the locale's data: the code is still a name someone can pick.
  }
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** The Settings dialog, to append to the page; it removes itself when closed. */
export function settingsDialog(options: SettingsOptions): HTMLElement {
  const title = settingsWord(options.locale);
  const overlay = document.createElement("div");
  overlay.className = "pagelet-settings";
  // Gradio's class: a click on it closes the dialog, as its tests do.
  const backdrop = document.createElement("div");
  backdrop.className = "backdrop";
  const dialog = document.createElement("div");
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-modal", "true");
  dialog.setAttribute("aria-label", title);
  const header = document.createElement("header");
  const heading = document.createElement("h2");
  heading.textContent = title;
  heading.tabIndex = -1;
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  header.append(heading, close);

  const locales = [...GRADIO_LOCALES];
  const choices = locales.map((locale): readonly [string, unknown] => [languageName(locale), locale]);
  const chosen = (): number => Math.max(0, locales.indexOf(pageLocale(options.locale)));
  const picker = createCombobox("pagelet-settings-language", {
    pick(index) {
      const locale = locales[index];
      if (locale === undefined) return;
      picker.show(choices[index]?.[0] ?? locale, index);
      options.onLanguage(locale);
    },
    commit() {
      // Only Gradio's languages can be chosen: leaving the box puts the chosen one back.
    },
    focus() {},
    blur() {},
  });
  picker.setChoices(choices);
  picker.show(choices[chosen()]?.[0] ?? "", chosen());
  picker.input.setAttribute("aria-label", "Language");
  const language = document.createElement("section");
  const languageHeading = document.createElement("h3");
  languageHeading.textContent = "Language";
  const field = document.createElement("div");
  field.className = "pagelet-dropdown pagelet-settings-field";
  field.append(picker.input, picker.listbox);
  language.append(languageHeading, field);
  dialog.append(header, language);
  overlay.append(backdrop, dialog);

  const dismiss = (): void => {
    overlay.remove();
    options.onClose();
  };
  backdrop.addEventListener("click", dismiss);
  close.addEventListener("click", dismiss);
  // Seen before the box handles it: Escape first closes an open list, then the dialog.
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && picker.listbox.hidden) dismiss();
  }, { capture: true });
  return overlay;
}
