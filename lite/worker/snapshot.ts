/**
 * Warm starts from a memory snapshot.
 *
 * After a fresh visit's app is up, the page starts a separate worker that
 * boots Python, imports the Pagelet core and takes a snapshot of Pyodide's
 * memory (Pyodide's private `_makeSnapshot` / `_loadSnapshot` API). Doing it
 * there keeps it off the first visit's critical path, and the snapshot holds
 * no app state. It is kept in Cache Storage under a key naming the Pyodide
 * version, the core archive's integrity and this format; the next visit loads it
 * instead of booting Python from scratch. Another build has another key, so a
 * stale snapshot is never looked up; one that fails to load is deleted and the
 * boot goes on fresh.
 */
import { assetUrl, fetchAsset } from "./fetch-asset";
import { ASSETS } from "./manifest";
import { installCore } from "./python";
import { loadRuntime } from "./runtime";

export { SNAPSHOT_WORKER_NAME } from "./snapshot-name";

const CACHE_NAME = "pagelet-snapshots";
/** Bump when what the snapshot holds changes shape (e.g. other modules pre-imported). */
const FORMAT = 1;

/** Modules imported before the snapshot, so that a warm start has them already. */
// What the snapshot holds imported. Beyond the package and its bridge, the
// modules nearly every app uses (an Interface, or Blocks of rows, text and
// buttons): restored, they need not be compiled from source again at each visit.
const PRELOADED_MODULES = [
  "pagelet",
  "pagelet.worker_bridge",
  "pagelet.interface",
  "pagelet.layouts",
  "pagelet.shortcuts",
  "pagelet.examples",
  "pagelet.flagging",
  "pagelet.components.text",
  "pagelet.components.button",
  "pagelet.components.display",
  "pagelet.components.dataset",
];

/** The key of this build's snapshot; under dist/, so two copies of Pagelet on one origin do not collide. */
export function snapshotKey(): string {
  const build = encodeURIComponent(`${ASSETS.pyodideVersion}|${ASSETS.core.integrity}|${FORMAT}`);
  return assetUrl(`pyodide/snapshot?build=${build}`);
}

/** Cache Storage is missing on insecure origins (plain http to a non-local host). */
export function snapshotsSupported(): boolean {
  return typeof caches !== "undefined";
}

/** This build's snapshot, or undefined when there is none or storage fails. */
export async function readSnapshot(): Promise<Uint8Array | undefined> {
  if (!snapshotsSupported()) return undefined;
  try {
    const cache = await caches.open(CACHE_NAME);
    const response = await cache.match(snapshotKey());
    return response ? new Uint8Array(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

/** Store this build's snapshot and drop those of other builds: each is tens of megabytes. */
export async function saveSnapshot(snapshot: Uint8Array): Promise<void> {
  if (!snapshotsSupported()) return;
  const cache = await caches.open(CACHE_NAME);
  const key = snapshotKey();
  // makeMemorySnapshot() returns a copy in a plain ArrayBuffer, never a shared one.
  const body = snapshot as Uint8Array<ArrayBuffer>;
  await cache.put(key, new Response(body, { headers: { "Content-Type": "application/octet-stream" } }));
  for (const request of await cache.keys()) {
    if (request.url !== key) await cache.delete(request);
  }
}

export async function dropSnapshot(): Promise<void> {
  if (!snapshotsSupported()) return;
  try {
    await (await caches.open(CACHE_NAME)).delete(snapshotKey());
  } catch {
    // Nothing to clean up then.
  }
}

/** Boot Python with the core imported, snapshot it and store it for the next visit. */
export async function buildSnapshot(): Promise<void> {
  if (!snapshotsSupported()) return;
  const [pyodide, core] = await Promise.all([loadRuntime({ makeSnapshot: true }), fetchAsset(ASSETS.core)]);
  installCore(pyodide, core);
  pyodide.runPython(PRELOADED_MODULES.map((name) => `import ${name}`).join("\n"));
  await saveSnapshot(pyodide.makeMemorySnapshot());
}
