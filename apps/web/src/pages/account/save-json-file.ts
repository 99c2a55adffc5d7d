/** `booking-data-2026-05-03.json`: the date tells several exports apart. */
export function exportFileName(now: Date): string {
  return `booking-data-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Hands data to the browser as a file download. A blob URL keeps the data in the page:
 * no second request, and nothing personal ends up in a URL or a server log.
 */
export function saveJsonFile(data: unknown, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
