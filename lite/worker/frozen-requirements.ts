/**
 * Freezing requirements: after micropip has resolved and installed a page's
 * requirements, the set it installed (names, versions, wheel URLs, sha256) is
 * kept in Cache Storage, keyed by the requirement list, the index URLs and
 * the Pyodide version. The next visit installs those wheels directly, checked
 * against their hashes (`pinned-wheels.ts`): no index is asked and micropip is
 * not even downloaded. If a frozen wheel cannot be had any more, the freeze is
 * dropped and micropip resolves afresh.
 */
import { assetUrl } from "./fetch-asset";
import { ASSETS } from "./manifest";
import type { PinnedWheel } from "./pinned-wheels";
import type { Pyodide } from "./runtime";

const CACHE_NAME = "pagelet-requirements";
/** Bump when the stored shape changes. */
const FORMAT = 1;

/** Where the freeze of these requirements is kept; under dist/, so two copies of Pagelet do not share. */
function freezeKey(requirements: string[], indexUrls: string[]): string {
  const key = JSON.stringify({ format: FORMAT, pyodide: ASSETS.pyodideVersion, requirements, indexUrls });
  return assetUrl(`frozen-requirements?key=${encodeURIComponent(key)}`);
}

function isPinnedWheel(value: unknown): value is PinnedWheel {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.name === "string" && typeof record.url === "string" && typeof record.sha256 === "string";
}

/** The wheels frozen for these requirements, or undefined when there is no freeze (or no storage). */
export async function readFrozen(requirements: string[], indexUrls: string[]): Promise<PinnedWheel[] | undefined> {
  if (typeof caches === "undefined") return undefined;
  try {
    const response = await (await caches.open(CACHE_NAME)).match(freezeKey(requirements, indexUrls));
    const wheels: unknown = await response?.json();
    return Array.isArray(wheels) && wheels.every(isPinnedWheel) ? wheels : undefined;
  } catch {
    return undefined;
  }
}

export async function dropFrozen(requirements: string[], indexUrls: string[]): Promise<void> {
  if (typeof caches === "undefined") return;
  await (await caches.open(CACHE_NAME)).delete(freezeKey(requirements, indexUrls));
}

/** The distributions installed now, by name: taken before micropip runs, to tell what it added. */
export function installedDistributions(pyodide: Pyodide): string[] {
  return JSON.parse(runIsolated(pyodide, "import importlib.metadata, json\njson.dumps(sorted({d.name for d in importlib.metadata.distributions()}))")) as string[];
}

/**
 * Store what micropip added since `before`. micropip records each wheel's URL
 * and the sha256 of its bytes in the distribution's metadata (PYODIDE_URL,
 * PYODIDE_SHA256). If anything was added otherwise (a Pyodide package from
 * its lock), the set cannot be replayed as plain wheels, and nothing is stored.
 */
export async function freezeInstalled(pyodide: Pyodide, before: string[], requirements: string[], indexUrls: string[]): Promise<void> {
  if (typeof caches === "undefined") return;
  const wheels: unknown = JSON.parse(runIsolated(pyodide, `_before = ${JSON.stringify(JSON.stringify(before))}\n${ADDED_BY_MICROPIP}`));
  if (!Array.isArray(wheels) || !wheels.every(isPinnedWheel) || wheels.length === 0) return;
  const cache = await caches.open(CACHE_NAME);
  await cache.put(freezeKey(requirements, indexUrls), new Response(JSON.stringify(wheels), { headers: { "Content-Type": "application/json" } }));
}

/** Run Python in a namespace of its own, so that nothing is left in the app's `__main__`. */
function runIsolated(pyodide: Pyodide, code: string): string {
  const namespace = pyodide.toPy({});
  try {
    return pyodide.runPython(code, { globals: namespace }) as string;
  } finally {
    namespace.destroy();
  }
}

const ADDED_BY_MICROPIP = `
import importlib.metadata, json
def added_by_micropip(before):
    wheels = []
    for dist in importlib.metadata.distributions():
        if dist.name in before:
            continue
        url, sha256 = dist.read_text("PYODIDE_URL"), dist.read_text("PYODIDE_SHA256")
        if (dist.read_text("INSTALLER") or "").strip() != "micropip" or not url or not sha256 or not url.startswith(("http:", "https:")):
            return []
        wheels.append({"name": dist.name, "version": dist.version, "url": url, "sha256": sha256.strip()})
    return wheels
json.dumps(added_by_micropip(set(json.loads(_before))))
`;
