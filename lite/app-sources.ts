/**
 * What a restarted worker must run: the app as it stands now, not as the page
 * first gave it. The JS API (`run_code`, `write`, `rename`, `unlink`,
 * `install`) changes the app in its worker; each change that succeeded is
 * recorded here, so that a Stop by restart or a Restart after a crash brings
 * back the app the person was looking at.
 */
import type { ControlBody } from "./control-messages";
import type { AppFile, BootMessage } from "./messages";

type BootSources = Omit<BootMessage, "kind" | "port">;

export class AppSources {
  /** The sources the page gave, kept from the first boot. */
  #first: BootSources | undefined;
  /** Changed or added files by path; `null` marks a file that was removed. */
  readonly #files = new Map<string, string | Uint8Array | null>();
  #entrypoint: string | undefined;
  /** The code last run as text; it runs as the entrypoint's content. */
  #code: string | undefined;
  readonly #requirements: string[] = [];

  /** Record a change the worker has made (a run also when its code raised: that code is what is on screen). */
  record(body: ControlBody): void {
    switch (body.kind) {
      case "run":
        if (body.code !== undefined) this.#code = body.code;
        else if (body.path !== undefined) {
          this.#entrypoint = body.path;
          this.#code = undefined;
        }
        break;
      case "write":
        this.#files.set(body.path, body.data);
        break;
      case "rename":
        this.#files.set(body.newPath, this.#contentOf(body.oldPath));
        this.#files.set(body.oldPath, null);
        break;
      case "unlink":
        this.#files.set(body.path, null);
        break;
      case "install":
        this.#requirements.push(...body.requirements.filter((requirement) => !this.#requirements.includes(requirement)));
        break;
    }
  }

  /** The boot of a new worker: the first boot's sources with every recorded change applied. */
  boot(first: BootSources): BootSources {
    this.#first ??= first;
    const files = new Map<string, string | Uint8Array | null>(first.files.map((file) => [file.name, file.content]));
    for (const [name, content] of this.#files) files.set(name, content);
    const entrypoint = this.#entrypoint ?? first.entrypoint;
    if (this.#code !== undefined) files.set(entrypoint, this.#code);
    const kept: AppFile[] = [];
    for (const [name, content] of files) if (content !== null) kept.push({ name, content });
    const requirements = [...first.requirements, ...this.#requirements.filter((requirement) => !first.requirements.includes(requirement))];
    return { ...first, files: kept, entrypoint, requirements };
  }

  #contentOf(path: string): string | Uint8Array | null {
    const changed = this.#files.get(path);
    if (changed !== undefined) return changed;
    return this.#first?.files.find((file) => file.name === path)?.content ?? null;
  }
}
