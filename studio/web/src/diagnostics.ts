// Diagnostics and the quick fixes that answer them: the server's code
// actions name the diagnostics they fix, matched here by place, code and
// message.

import type { CodeAction, Diagnostic } from "./protocol";

export const SEVERITY: Record<number, "error" | "warning" | "info" | "hint"> = {
  1: "error",
  2: "warning",
  3: "info",
  4: "hint",
};

export function severity(d: Diagnostic): "error" | "warning" | "info" | "hint" {
  return SEVERITY[d.severity ?? 1] ?? "error";
}

export function code(d: Diagnostic): string {
  return d.code !== undefined ? String(d.code) : "";
}

function same(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    code(a) === code(b)
  );
}

/** The quick fixes among `actions` that fix `d`. */
export function fixesFor(actions: CodeAction[], d: Diagnostic): CodeAction[] {
  return actions.filter((a) => a.diagnostics?.some((x) => same(x, d)));
}
