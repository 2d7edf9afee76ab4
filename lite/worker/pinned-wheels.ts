/**
 * Pinned wheels: requirements written as a wheel URL with its hash,
 * `https://host/pkg-1.0-py3-none-any.whl#sha256=<hex>`, as `pagelet export`
 * writes them and as frozen requirements are replayed. Each is fetched once,
 * checked by the browser against its hash, and unpacked into site-packages:
 * no micropip, no index, no dependency resolution (the set is complete).
 */
import { describe } from "../fetch";
import { fetchVerified, sriFromHex } from "./fetch-asset";
import { BootError, installWheel } from "./python";
import type { Pyodide } from "./runtime";

export interface PinnedWheel {
  /** The project name, as the wheel's file name spells it. */
  name: string;
  /** Absolute URL of the wheel, without the hash fragment. */
  url: string;
  /** Hex SHA-256 of the wheel's bytes. */
  sha256: string;
}

const PINNED = /^(\S+\/([^/#?]+)\.whl)#sha256=([0-9a-f]{64})$/i;

/** The pinned wheel a requirement string names, or undefined for any other requirement. */
export function parsePinnedWheel(requirement: string): PinnedWheel | undefined {
  const match = PINNED.exec(requirement.trim());
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { url: match[1], name: decodeURIComponent(match[2]).split("-")[0] ?? match[2], sha256: match[3].toLowerCase() };
}

/** The requirement string of a pinned wheel, the inverse of `parsePinnedWheel`. */
export function pinnedRequirement(wheel: PinnedWheel): string {
  return `${wheel.url}#sha256=${wheel.sha256}`;
}

/**
 * Fetch every wheel at once, then unpack them. A failure names the package and
 * its URL, and says whether the file was missing or differed from its hash.
 */
export async function installPinnedWheels(pyodide: Pyodide, wheels: PinnedWheel[]): Promise<void> {
  const downloads = wheels.map((wheel) =>
    fetchVerified(wheel.url, sriFromHex(wheel.sha256), "The wheel differs from the one recorded: re-export the site, or clear the page's stored requirements.").catch(
      (error: unknown) => {
        throw new BootError(`Could not install ${wheel.name} from ${wheel.url}: ${describe(error)}`);
      },
    ),
  );
  const bodies = await Promise.all(downloads);
  bodies.forEach((body) => installWheel(pyodide, body));
}
