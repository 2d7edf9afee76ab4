/**
 * A single-choice dropdown as Gradio draws it: a text box (ARIA 1.2
 * `combobox`) whose popup `listbox` lists the choices, filtered by what the
 * person types. A `<datalist>` or `<select>` would be simpler, but Chromium
 * keeps their popups out of the page, so neither can be filtered as Gradio
 * filters nor picked from by a test or an extension that reads the DOM.
 *
 * Picking: a click on an option; Enter on the highlighted option (arrows move
 * the highlight, typing highlights the first match); Enter on text that names
 * a choice. With custom values allowed, Enter or leaving the box commits the
 * text as it is. Without, leaving the box puts back the chosen choice's text.
 */
import type { Choice } from "./props";

export interface ComboboxCallbacks {
  /** The person chose the choice at `index` of the current choices. */
  pick(index: number): void;
  /** The person committed text that is no choice (custom values only). */
  commit(text: string): void;
  focus(): void;
  blur(): void;
}

export interface Combobox {
  readonly input: HTMLInputElement;
  readonly listbox: HTMLUListElement;
  setChoices(choices: readonly Choice[]): void;
  /** Show `text` in the box (what is chosen), unless the person is typing in it. */
  show(text: string, chosenIndex: number | null): void;
  setCustom(allowed: boolean): void;
  setDisabled(disabled: boolean): void;
}

export function createCombobox(id: string, callbacks: ComboboxCallbacks): Combobox {
  const input = document.createElement("input");
  input.id = id;
  input.className = "pagelet-input";
  input.autocomplete = "off";
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  const listbox = document.createElement("ul");
  listbox.id = `${id}-options`;
  listbox.className = "pagelet-listbox";
  listbox.setAttribute("role", "listbox");
  listbox.hidden = true;
  input.setAttribute("aria-controls", listbox.id);

  let choices: readonly Choice[] = [];
  let optionElements: HTMLLIElement[] = [];
  let custom = false;
  let chosenIndex: number | null = null;
  // The text shown for the chosen value: leaving the box with other text in it means the person typed.
  let shownText = "";
  let active: number | null = null;
  let visible: number[] = [];

  const setActive = (index: number | null): void => {
    if (active !== null) optionElements[active]?.classList.remove("pagelet-option-active");
    active = index;
    const element = index === null ? undefined : optionElements[index];
    if (element) {
      element.classList.add("pagelet-option-active");
      input.setAttribute("aria-activedescendant", element.id);
      element.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const filter = (text: string | null): void => {
    const needle = text?.toLowerCase() ?? "";
    visible = [];
    choices.forEach(([display], index) => {
      const shown = needle === "" || display.toLowerCase().includes(needle);
      const element = optionElements[index];
      if (element) element.hidden = !shown;
      if (shown) visible.push(index);
    });
  };

  const open = (): void => {
    listbox.hidden = visible.length === 0;
    input.setAttribute("aria-expanded", String(!listbox.hidden));
  };

  const close = (): void => {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(null);
  };

  const choose = (index: number): void => {
    const choice = choices[index];
    if (!choice) return;
    chosenIndex = index;
    shownText = choice[0];
    input.value = choice[0];
    optionElements.forEach((option, at) => option.setAttribute("aria-selected", String(at === index)));
    close();
    callbacks.pick(index);
  };

  const typed = (): boolean => input.value !== shownText;

  input.addEventListener("focus", () => {
    filter(null);
    open();
    setActive(chosenIndex);
    callbacks.focus();
  });
  input.addEventListener("input", () => {
    filter(input.value);
    open();
    setActive(visible[0] ?? null);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (listbox.hidden) {
        filter(typed() ? input.value : null);
        open();
      }
      if (visible.length === 0) return;
      const at = active === null ? -1 : visible.indexOf(active);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at === -1 ? (step === 1 ? 0 : visible.length - 1) : (at + step + visible.length) % visible.length;
      setActive(visible[next] ?? null);
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter") {
      event.preventDefault();
      const exact = choices.findIndex(([display]) => display === input.value);
      if (active !== null && !listbox.hidden) choose(active);
      else if (exact !== -1) choose(exact);
      else if (custom) {
        shownText = input.value;
        close();
        callbacks.commit(input.value);
      } else return;
      input.blur();
    }
  });
  input.addEventListener("blur", () => {
    close();
    if (typed()) {
      const exact = choices.findIndex(([display]) => display === input.value);
      if (custom && exact !== -1) choose(exact);
      else if (custom) {
        shownText = input.value;
        callbacks.commit(input.value);
      } else input.value = shownText;
    }
    callbacks.blur();
  });
  // Pressing an option must not blur the box first, or the click would land on a closed list.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const option = (event.target as Element).closest<HTMLLIElement>("[role=option]");
    if (!option) return;
    choose(Number(option.dataset.index));
    input.blur();
  });

  return {
    input,
    listbox,
    setChoices(next) {
      choices = next;
      optionElements = next.map(([display], index) => {
        const option = document.createElement("li");
        option.id = `${listbox.id}-${index}`;
        option.className = "pagelet-option";
        option.setAttribute("role", "option");
        option.dataset.index = String(index);
        option.textContent = display;
        // Gradio names each option by its text too; apps' tests find a choice with getByLabel.
        option.setAttribute("aria-label", display);
        return option;
      });
      listbox.replaceChildren(...optionElements);
      active = null;
      filter(document.activeElement === input && typed() ? input.value : null);
      if (!listbox.hidden) open();
    },
    show(text, index) {
      chosenIndex = index;
      optionElements.forEach((option, at) => option.setAttribute("aria-selected", String(at === index)));
      if (document.activeElement === input && typed()) return;
      shownText = text;
      input.value = text;
    },
    setCustom(allowed) {
      custom = allowed;
    },
    setDisabled(disabled) {
      input.disabled = disabled;
      if (disabled) close();
    },
  };
}
