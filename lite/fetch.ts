/**
 * `fetch` that gives up. Boot must end in an app or an error on screen, never a
 * spinner forever, so every request made at boot goes through here.
 * Used by the page and by the worker: only APIs that both have.
 */

/** Raised for any failed fetch; the message names the URL and the cause. */
export class FetchError extends Error {
  override name = "FetchError";
}

/**
 * Fetch `url` and return the response body, failing with a `FetchError` on a
 * network error, a non-2xx status, or no complete answer within `timeoutMs`.
 */
export async function fetchBytes(url: string, timeoutMs: number, init: RequestInit = {}): Promise<ArrayBuffer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal });
    if (!response.ok) {
      const status = [response.status, response.statusText].filter(Boolean).join(" ");
      throw new FetchError(`HTTP ${status} for ${url}`);
    }
    return await response.arrayBuffer();
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError(`No answer within ${Math.round(timeoutMs / 1000)} s for ${url}`);
    throw new FetchError(`Could not fetch ${url}: ${describe(error)}`);
  }
}

/** A short readable cause for any thrown value. */
export function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
