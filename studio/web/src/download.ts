// Files handed to the browser's downloads (the participant's copy).

import { zip } from "./zip";

export function download(name: string, bytes: Uint8Array | string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadZip(name: string, files: Array<{ path: string; text: string }>): void {
  download(name, zip(files), "application/zip");
}
