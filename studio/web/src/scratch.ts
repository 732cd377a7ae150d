// The participant's scratch copy: each file's text kept in this browser's
// localStorage (per studio folder), since a participant's studio writes
// nothing to disk.

const PREFIX = "ecospec-studio:";

function key(rootUri: string, path: string): string {
  return `${PREFIX}${rootUri}:${path}`;
}

export function load(rootUri: string, path: string): string | null {
  try {
    return localStorage.getItem(key(rootUri, path));
  } catch {
    return null;
  }
}

export function keep(rootUri: string, path: string, text: string): void {
  try {
    localStorage.setItem(key(rootUri, path), text);
  } catch {
    // storage full or refused: the copy lives on in the page until reload
  }
}
