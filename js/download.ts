/**
 * Save text the app offers as a file. The name comes from the app, so only
 * its last path segment is used; the browser asks or saves as it is set to.
 */
export function saveFile(filename: string, mime: string, text: string): void {
  const name = filename.split(/[\\/]/).pop() || "download.txt";
  const url = URL.createObjectURL(new Blob([text], { type: mime || "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
