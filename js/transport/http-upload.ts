import { PROTOCOL_VERSION, type FileData, type UploadMessage, type UploadedMessage } from "../protocol";

/** The file route's URL for a server path, encoded as the server encodes it (each segment, slashes kept). */
export function fileRouteUrl(apiUrl: string, path: string): string {
  return new URL(`file=${path.split("/").map(encodeURIComponent).join("/")}`, apiUrl).href;
}

function detailOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const detail = (body as Record<string, unknown>).detail;
  return typeof detail === "string" && detail !== "" ? detail : null;
}

/**
 * Post an upload's bytes to a Pagelet server's upload route (Gradio's
 * `/gradio_api/upload`, the login cookie going along) and answer as the core
 * would, with an `uploaded` message: the stored file's FileData, or why not.
 * `apiUrl` is the API's root, ending in a slash; without one, nothing uploads.
 */
export async function uploadOverHttp(apiUrl: string | undefined, message: UploadMessage, data: ArrayBuffer | undefined): Promise<UploadedMessage> {
  const answer = (fields: { file: FileData } | { error: string }): UploadedMessage => ({
    v: PROTOCOL_VERSION,
    type: "uploaded",
    upload_id: message.upload_id,
    ...fields,
  });
  if (apiUrl === undefined) return answer({ error: "This page cannot upload files." });
  if (data === undefined) return answer({ error: "The upload carried no file content." });
  const form = new FormData();
  form.append("files", new Blob([data], message.mime ? { type: message.mime } : {}), message.name);
  let response: Response;
  try {
    response = await fetch(new URL("upload", apiUrl), { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    return answer({ error: `Could not upload ${message.name}: the server cannot be reached.` });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    // The server's reason (too large ...) is written for the person; say it as it is.
    return answer({ error: detailOf(body) ?? `Could not upload ${message.name}: the server answered ${response.status}.` });
  }
  const path: unknown = Array.isArray(body) ? body[0] : undefined;
  if (typeof path !== "string") return answer({ error: `Could not upload ${message.name}: the server did not say where it kept it.` });
  return answer({
    file: {
      path,
      orig_name: message.name,
      size: data.byteLength,
      mime_type: message.mime || null,
      url: fileRouteUrl(apiUrl, path),
      meta: { _type: "gradio.FileData" },
    },
  });
}
