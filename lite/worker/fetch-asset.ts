import { describe, fetchBytes, FetchError } from "../fetch";
import type { Asset } from "./manifest";

const ASSET_TIMEOUT_MS = 60_000;

/** URL of a build asset: next to `worker.js`, wherever the page lives. */
export function assetUrl(file: string): string {
  return new URL(file, import.meta.url).href;
}

/**
 * Fetch a build asset and let the browser check it against its integrity
 * string. The browser reports any failure of an integrity fetch as the same
 * bare "Failed to fetch", so on failure a second, unchecked fetch finds out
 * whether the file is missing or has changed, and the error says which.
 */
export function fetchAsset(asset: Asset): Promise<ArrayBuffer> {
  return fetchVerified(assetUrl(asset.file), asset.integrity, "Rebuild with `make build`.");
}

/**
 * Fetch any URL, checked against an integrity string (`sha256-<base64>`); a
 * failure says whether the file is missing or differs, then `remedy`.
 */
export async function fetchVerified(url: string, integrity: string, remedy: string): Promise<ArrayBuffer> {
  try {
    return await fetchBytes(url, ASSET_TIMEOUT_MS, { integrity });
  } catch (error) {
    throw new FetchError(await diagnose(url, integrity, error, remedy));
  }
}

async function diagnose(url: string, integrity: string, original: unknown, remedy: string): Promise<string> {
  let body: ArrayBuffer;
  try {
    body = await fetchBytes(url, ASSET_TIMEOUT_MS, { cache: "no-store" });
  } catch (error) {
    return describe(error);
  }
  // crypto.subtle exists only in secure contexts (https, localhost).
  if (!globalThis.crypto?.subtle) return `Could not fetch ${url} with integrity ${integrity}: ${describe(original)}`;
  const actual = await sriDigest(body);
  if (actual !== integrity) {
    return `Integrity check failed for ${url}: expected ${integrity}, got ${actual}. ${remedy}`;
  }
  return `Could not fetch ${url}: ${describe(original)}`;
}

async function sriDigest(body: ArrayBuffer): Promise<string> {
  return sriFromBytes(new Uint8Array(await crypto.subtle.digest("SHA-256", body)));
}

/** The integrity string of a SHA-256 digest given as bytes. */
function sriFromBytes(digest: Uint8Array): string {
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}

/** The integrity string of a SHA-256 digest written in hex, as pip and micropip write them. */
export function sriFromHex(hex: string): string {
  return sriFromBytes(Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16)));
}
