import { rmSync } from "node:fs";
import type { Plugin } from "vite";

/**
 * Remove a build's own earlier outputs from `dist/`, which several builds
 * share (so none may empty it), before it writes them again.
 */
export function cleanOwnOutputs(name: string, paths: string[]): Plugin {
  return {
    name: `pagelet:clean-${name}-outputs`,
    apply: "build",
    buildStart() {
      for (const path of paths) rmSync(path, { recursive: true, force: true });
    },
  };
}
