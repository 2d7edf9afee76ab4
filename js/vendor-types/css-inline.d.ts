// Vite's `?inline` import: a stylesheet's text as a string, not added to lite.css.
declare module "*.css?inline" {
  const css: string;
  export default css;
}
