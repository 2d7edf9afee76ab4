import type { ThemeConfig } from "./protocol";

// Only the host's own variables, with values that cannot end the rule they sit in.
const VARIABLE = /^--pl-[a-z0-9-]+$/;
const UNSAFE = /[;{}<>\\]/;

function declarations(variables: Readonly<Record<string, string>>): string {
  return Object.entries(variables)
    .filter(([name, value]) => VARIABLE.test(name) && !UNSAFE.test(value))
    .map(([name, value]) => `${name}: ${value};`)
    .join(" ");
}

let themedApps = 0;

/**
 * Apply `gr.themes` to one app: its CSS variables for light mode, and for dark
 * mode when the system asks for it. Scoped to `container`, so two apps on a
 * page keep their own themes. Returns the style element to put in the app.
 */
export function applyTheme(container: HTMLElement, theme: ThemeConfig | null | undefined): HTMLStyleElement | null {
  if (theme === null || theme === undefined) return null;
  themedApps += 1;
  const scope = `pagelet-theme-${String(themedApps)}`;
  container.dataset.theme = scope;
  const selector = `.pagelet-app[data-theme="${scope}"]`;
  const font = UNSAFE.test(theme.font) || theme.font === "" ? "" : ` font-family: ${theme.font};`;
  const style = document.createElement("style");
  style.textContent = [
    `${selector} { ${declarations(theme.light)}${font} }`,
    `@media (prefers-color-scheme: dark) { ${selector}:not(.pagelet-theme-light *) { ${declarations(theme.dark)} } }`,
    // A forced theme (`theme="dark"` on <gradio-lite>) wins over the system's.
    `.pagelet-theme-dark ${selector} { ${declarations(theme.dark)} }`,
  ].join("\n");
  return style;
}
