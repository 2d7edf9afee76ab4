import type { ComponentView, Renderer } from "./types";
import { str } from "./props";

/**
 * gr.BrowserState: a value kept in this browser's localStorage under
 * `storage_key`, read back when the page loads (which fires `change`, as in
 * Gradio) and written whenever the app changes it. Nothing is drawn.
 *
 * Stored text is encrypted with AES-GCM under a key derived from `secret`
 * (Gradio encrypts with its secret too, in its own format), so other code on
 * the origin without the secret cannot read it. Browsers offer that
 * cryptography only on secure pages (https, localhost); elsewhere the value
 * is stored as plain JSON, marked so, and read back either way.
 */
const ENCRYPTED = "pagelet-aes1:";
const PLAIN = "pagelet-json1:";

function subtle(): SubtleCrypto | null {
  return globalThis.crypto?.subtle ?? null;
}

async function keyFor(secret: string, crypto: SubtleCrypto): Promise<CryptoKey> {
  const digest = await crypto.digest("SHA-256", new TextEncoder().encode(secret));
  return crypto.importKey("raw", digest, "AES-GCM", false, ["encrypt", "decrypt"]);
}

async function seal(text: string, secret: string): Promise<string> {
  const crypto = subtle();
  if (crypto === null) return PLAIN + text;
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.encrypt({ name: "AES-GCM", iv }, await keyFor(secret, crypto), new TextEncoder().encode(text)));
  const bytes = new Uint8Array(iv.length + sealed.length);
  bytes.set(iv);
  bytes.set(sealed, iv.length);
  return ENCRYPTED + btoa(String.fromCharCode(...bytes));
}

/** The stored JSON text, or null when it cannot be read (another secret, another format). */
async function unseal(stored: string, secret: string): Promise<string | null> {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  const crypto = subtle();
  if (!stored.startsWith(ENCRYPTED) || crypto === null) return null;
  try {
    const bytes = Uint8Array.from(atob(stored.slice(ENCRYPTED.length)), (character) => character.charCodeAt(0));
    const opened = await crypto.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12) }, await keyFor(secret, crypto), bytes.slice(12));
    return new TextDecoder().decode(opened);
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled for this page: the value lives as long as the page
  }
}

export const browserstate: Renderer = (context): ComponentView => {
  let value: unknown = null;
  let loaded = false;
  let key = "";
  let secret = "";
  let written = "";

  const save = (next: unknown): void => {
    // Gradio keeps the last truthy value: clearing to null/""/0 does not erase what is stored.
    if (!next) return;
    const text = JSON.stringify(next);
    if (text === written) return;
    written = text;
    const store = storage();
    if (store === null) return;
    void seal(text, secret).then((sealed) => {
      try {
        store.setItem(key, sealed);
      } catch (error) {
        console.error("BrowserState could not be saved:", error);
      }
    });
  };

  const load = async (fallback: unknown): Promise<void> => {
    const stored = storage()?.getItem(key) ?? null;
    const text = stored === null ? null : await unseal(stored, secret);
    let restored: unknown = fallback;
    if (text !== null) {
      try {
        restored = JSON.parse(text);
        written = text;
      } catch {
        restored = fallback;
      }
    }
    value = restored;
    loaded = true;
    context.setProps({ value: restored });
  };

  return {
    element: null,
    update(props) {
      key = str(props, "storage_key");
      secret = str(props, "secret");
      if (!loaded) {
        void load(props.default_value ?? null);
        return;
      }
      value = props.value ?? null;
      save(value);
    },
    getValue: () => value,
  };
};
