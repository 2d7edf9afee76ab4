/** Where the harness lives and where its build goes (git-ignored `dist/`). */
export const HARNESS_SOURCE = decodeURIComponent(new URL("./harness/", import.meta.url).pathname);
export const HARNESS_DIST = decodeURIComponent(new URL("./harness/dist/", import.meta.url).pathname);
