// Folding on braces, used while the language server (which provides its own
// folding ranges) is not running. Braces inside strings and comments do not count.
export interface BraceFold {
  start: number;
  end: number;
}

export function braceFoldingRanges(text: string): BraceFold[] {
  const folds: BraceFold[] = [];
  const open: number[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, lineNumber) => {
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (inString) {
        if (ch === "\\") i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') {
        inString = true;
      } else if (ch === "/" && line[i + 1] === "/") {
        break;
      } else if (ch === "{") {
        open.push(lineNumber);
      } else if (ch === "}") {
        const start = open.pop();
        // The closing line stays visible, as in VS Code's own folding.
        if (start !== undefined && lineNumber - 1 > start) folds.push({ start, end: lineNumber - 1 });
      }
    }
  });
  return folds.sort((a, b) => a.start - b.start || a.end - b.end);
}
