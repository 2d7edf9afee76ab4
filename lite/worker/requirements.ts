import { describe, fetchBytes } from "../fetch";
import { BootError, fromPython } from "./python";
import { dropFrozen, freezeInstalled, installedDistributions, readFrozen } from "./frozen-requirements";
import { installPinnedWheels, parsePinnedWheel, type PinnedWheel } from "./pinned-wheels";
import type { Pyodide } from "./runtime";

const PROBE_TIMEOUT_MS = 10_000;

/**
 * Install requirements with micropip, which must already be unpacked.
 * `indexUrls` empty means micropip's default index. A failure is a
 * `BootError` that names the requirements and the index it used.
 */
export async function installRequirements(pyodide: Pyodide, requirements: string[], indexUrls: string[]): Promise<void> {
  const micropip = pyodide.pyimport("micropip");
  try {
    const kwargs = indexUrls.length > 0 ? { index_urls: pyodide.toPy(indexUrls) } : {};
    await micropip.install.callKwargs(pyodide.toPy(requirements), kwargs);
  } catch (error) {
    const failure = fromPython(pyodide, error);
    const traceback = failure instanceof BootError ? failure.traceback : undefined;
    const cause = (await missingWheel(requirements)) ?? describe(failure);
    const index = indexUrls.length > 0 ? indexUrls.join(", ") : "micropip's default (PyPI)";
    const list = requirements.map((requirement) => JSON.stringify(requirement)).join(", ");
    throw new BootError(`${cause}\n(requirements: ${list}; index: ${index})`, traceback);
  } finally {
    micropip.destroy();
  }
}

/**
 * micropip reads whatever body a wheel URL answers with, so a 404 surfaces as
 * "File is not a zip file". Ask for each wheel URL to name the one missing.
 */
async function missingWheel(requirements: string[]): Promise<string | undefined> {
  for (const requirement of requirements) {
    if (!/^https?:\/\/.*\.whl$/i.test(requirement)) continue;
    try {
      await fetchBytes(requirement, PROBE_TIMEOUT_MS, { method: "HEAD", cache: "no-store" });
    } catch (error) {
      return describe(error);
    }
  }
  return undefined;
}

/**
 * How a boot gets its requirements: pinned wheels (with their hash) are
 * fetched and unpacked directly; the rest go to micropip, unless a freeze of
 * an earlier visit (`frozen-requirements.ts`) stands in for them.
 */
export interface RequirementsPlan {
  /** The page's own pinned wheels. */
  pinned: PinnedWheel[];
  /** What micropip must resolve; empty when there is nothing to resolve. */
  unpinned: string[];
  /** Wheels frozen on an earlier visit, standing in for `unpinned`. */
  frozen?: PinnedWheel[];
}

export async function planRequirements(requirements: string[], indexUrls: string[]): Promise<RequirementsPlan> {
  const pinned: PinnedWheel[] = [];
  const unpinned: string[] = [];
  for (const requirement of requirements) {
    const wheel = parsePinnedWheel(requirement);
    if (wheel) pinned.push(wheel);
    else unpinned.push(requirement);
  }
  const frozen = unpinned.length > 0 ? await readFrozen(unpinned, indexUrls) : undefined;
  return { pinned, unpinned, ...(frozen ? { frozen } : {}) };
}

/** True when the plan needs micropip (so that it is fetched, early, only then). */
export function needsMicropip(plan: RequirementsPlan): boolean {
  return plan.unpinned.length > 0 && plan.frozen === undefined;
}

/**
 * Install what `plan` says. `loadMicropip` unpacks micropip, fetched only when
 * something is left to resolve. A freeze whose wheels cannot be had is dropped
 * and its requirements resolved afresh; a fresh resolution is frozen.
 */
export async function installPlanned(
  pyodide: Pyodide,
  plan: RequirementsPlan,
  indexUrls: string[],
  loadMicropip: () => Promise<void>,
): Promise<void> {
  await installPinnedWheels(pyodide, plan.pinned);
  if (plan.unpinned.length === 0) return;
  if (plan.frozen) {
    try {
      await installPinnedWheels(pyodide, plan.frozen);
      return;
    } catch (error) {
      console.warn(`Pagelet: the frozen requirements did not install (${describe(error)}); resolving them again`);
      await dropFrozen(plan.unpinned, indexUrls);
    }
  }
  await loadMicropip();
  const before = installedDistributions(pyodide);
  await installRequirements(pyodide, plan.unpinned, indexUrls);
  // A failed freeze costs only the next visit's speed.
  await freezeInstalled(pyodide, before, plan.unpinned, indexUrls).catch((error: unknown) =>
    console.warn(`Pagelet: could not store the resolved requirements: ${describe(error)}`),
  );
}
