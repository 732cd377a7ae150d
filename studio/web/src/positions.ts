// LSP positions (line, UTF-16 column: the only encoding the page offers)
// and CodeMirror's offsets (UTF-16 code units from the document's start).

import type { Text } from "@codemirror/state";
import type { Position } from "./protocol";

export function toOffset(doc: Text, position: Position): number {
  const number = Math.min(Math.max(position.line + 1, 1), doc.lines);
  const line = doc.line(number);
  if (position.line + 1 > doc.lines) return line.to;
  return line.from + Math.min(Math.max(position.character, 0), line.length);
}

export function toPosition(doc: Text, offset: number): Position {
  const line = doc.lineAt(Math.min(Math.max(offset, 0), doc.length));
  return { line: line.number - 1, character: offset - line.from };
}
