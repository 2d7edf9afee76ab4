/** The last path segment of an app-given name: a name, never a path. */
function baseName(filename: string, fallback: string): string {
  return filename.split(/[\\/]/).pop() || fallback;
}

/** Start the browser's download of `href` as `name`; a blob URL is let go once it has begun. */
function clickDownload(href: string, name: string): void {
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed after this task.
  if (href.startsWith("blob:")) setTimeout(() => URL.revokeObjectURL(href), 0);
}

/**
 * Save text the app offers as a file. The name comes from the app, so only
 * its last path segment is used; the browser asks or saves as it is set to.
 */
export function saveFile(filename: string, mime: string, text: string): void {
  clickDownload(URL.createObjectURL(new Blob([text], { type: mime || "text/plain" })), baseName(filename, "download.txt"));
}

/**
 * Save the file at `url` as `filename`. A link's `download` name is ignored
 * for another origin's file (a gallery's remote picture), so the bytes are
 * fetched and saved from a blob; when that origin refuses the fetch (CORS),
 * the file opens in a new tab instead, as Gradio's gallery does.
 */
export async function saveUrl(url: string, filename: string): Promise<void> {
  let blob: Blob;
  try {
    blob = await (await fetch(url)).blob();
  } catch {
    window.open(url, "_blank", "noreferrer");
    return;
  }
  clickDownload(URL.createObjectURL(blob), baseName(filename, "download"));
}
