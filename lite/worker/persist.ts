/**
 * The persist folder: `/home/pyodide/persist`, kept in IndexedDB between
 * visits (Emscripten's IDBFS).
 *
 * IDBFS names its database after the folder it is mounted on, so each app's
 * store is mounted at a folder of its own, `/pagelet-persist/<key>` (the key
 * names the page and the app: see `lite/persist-key.ts`), and the documented
 * path is a link to it. The store is read before the app runs; it is saved
 * when a file in it is closed (IDBFS's `autoPersist`), after each event (the
 * app's bridge says when one ends) and when the page asks, on `pagehide`. If IndexedDB cannot be used the
 * folder is an ordinary, unsaved one, and the app runs all the same.
 */
import { describe } from "../fetch";
import type { Pyodide } from "./runtime";

export const PERSIST_DIR = "/home/pyodide/persist";
const STORE_ROOT = "/pagelet-persist";

/** The few Emscripten FS calls used here (Pyodide types `FS` loosely). */
interface PersistFS {
  mkdirTree(path: string): void;
  mount(type: unknown, options: { autoPersist?: boolean }, mountpoint: string): void;
  unmount(mountpoint: string): void;
  symlink(target: string, path: string): void;
  syncfs(populate: boolean, callback: (error: unknown) => void): void;
  filesystems: { IDBFS: unknown };
}

/** The IndexedDB database name of an app's store (IDBFS uses the mount point). */
export function storePath(key: string): string {
  return `${STORE_ROOT}/${encodeURIComponent(key)}`;
}

export class PersistFolder {
  readonly #fs: PersistFS;
  #saving: Promise<void> | undefined;
  #again = false;

  private constructor(fs: PersistFS) {
    this.#fs = fs;
  }

  /** Mount and load the store for `key`; undefined (a plain, unsaved folder) when IndexedDB fails. Never rejects. */
  static async open(pyodide: Pyodide, key: string): Promise<PersistFolder | undefined> {
    const fs = pyodide.FS as unknown as PersistFS;
    const store = storePath(key);
    let mounted = false;
    try {
      if (typeof indexedDB === "undefined") throw new Error("IndexedDB is not available");
      fs.mkdirTree(store);
      fs.mount(fs.filesystems.IDBFS, { autoPersist: true }, store);
      mounted = true;
      await sync(fs, true);
      fs.mkdirTree("/home/pyodide");
      fs.symlink(store, PERSIST_DIR);
      return new PersistFolder(fs);
    } catch (error) {
      // Saving a store that did not load would erase it: keep the folder in memory only.
      console.warn(`Pagelet: the persist folder cannot be kept (${describe(error)}); files written there last until the page closes`);
      if (mounted) fs.unmount(store);
      fs.mkdirTree(PERSIST_DIR);
      return undefined;
    }
  }

  /** Save the folder now; a call while a save runs makes one more save after it. */
  save(): Promise<void> {
    if (this.#saving !== undefined) {
      this.#again = true;
      return this.#saving;
    }
    this.#saving = sync(this.#fs, false)
      .catch((error: unknown) => console.warn(`Pagelet: the persist folder could not be saved (${describe(error)})`))
      .finally(() => {
        this.#saving = undefined;
        if (this.#again) {
          this.#again = false;
          void this.save();
        }
      });
    return this.#saving;
  }
}

function sync(fs: PersistFS, populate: boolean): Promise<void> {
  return new Promise((resolve, reject) => fs.syncfs(populate, (error) => (error ? reject(error instanceof Error ? error : new Error(describe(error))) : resolve())));
}
