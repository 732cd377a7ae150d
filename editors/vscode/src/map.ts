// The ecosystem map's webview as pure functions (no `vscode` import, so the
// unit tests run them under node): the page built from the answer to the
// server's `ecospec/graph` request, and the webview's messages checked.
//
// Spec text reaches the page only as text: the SVG is drawn by the library,
// which escapes every label and description (its hostile-spec goldens), and
// every other string (finding messages, errors, titles) is escaped here.
// The content security policy admits no script but the page's own (by its
// nonce) and no inline handler, so even markup that slipped through would
// not run.

export const VIEWS = ["clusters", "actors", "capabilities"] as const;
export type View = (typeof VIEWS)[number];

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A finding the drawing marks, as `ecospec/graph` answers it. */
export interface PlacedFinding {
  element: string;
  code: string;
  lint: string;
  message: string;
  uri: string;
  range: LspRange;
}

export interface GraphResult {
  format: string;
  content: string;
  findings: PlacedFinding[];
}

/** What the webview asks of the extension. */
export type MapMessage = { type: "reveal"; index: number } | { type: "view"; view: View };

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The content security policy of the page: nothing but its own style and script. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src data:",
  ].join("; ");
}

export interface PageInput {
  nonce: string;
  view: View;
  /** The answer, or the server's error (shown as text). */
  graph: GraphResult | { error: string };
}

// The page's script: clicks on a finding in the list, or on a drawn element
// that shows one, ask the extension to reveal that finding; the view buttons
// ask for another view. It reads only data attributes and ids.
const SCRIPT = `
const vscode = acquireVsCodeApi();
const items = Array.from(document.querySelectorAll("li[data-index]"));
function reveal(index) { vscode.postMessage({ type: "reveal", index: Number(index) }); }
for (const item of items) {
  item.addEventListener("click", () => reveal(item.dataset.index));
}
for (const element of document.querySelectorAll("svg g[id]")) {
  const item = items.find((i) => i.dataset.element === element.id);
  if (!item) continue;
  element.classList.add("finding");
  element.addEventListener("click", () => reveal(item.dataset.index));
}
for (const button of document.querySelectorAll("button[data-view]")) {
  button.addEventListener("click", () => vscode.postMessage({ type: "view", view: button.dataset.view }));
}
`;

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
.drawing { background: #ffffff; overflow: auto; }
.drawing svg { max-width: none; }
g.finding { cursor: pointer; }
g.finding:hover rect { stroke-width: 4; }
li[data-index] { cursor: pointer; }
li[data-index]:hover { text-decoration: underline; }
.error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
button[aria-pressed="true"] { font-weight: bold; }
`;

/** The whole page. */
export function mapHtml(input: PageInput): string {
  const { nonce, view, graph } = input;
  const buttons = VIEWS.map(
    (v) => `<button data-view="${v}" aria-pressed="${v === view}">${v}</button>`,
  ).join(" ");
  let body: string;
  if ("error" in graph) {
    body = `<p class="error">${escapeHtml(graph.error)}</p>`;
  } else {
    const findings = graph.findings
      .map(
        (f, i) =>
          `<li data-index="${i}" data-element="${escapeHtml(f.element)}">` +
          `<code>${escapeHtml(f.code)}</code> ${escapeHtml(f.lint)}: ${escapeHtml(f.message)}</li>`,
      )
      .join("\n");
    const list = findings ? `<h2>Findings drawn</h2>\n<ul>\n${findings}\n</ul>` : "<p>No finding drawn.</p>";
    body = `<div class="drawing">${svgOnly(graph.content)}</div>\n${list}`;
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Ecosystem map</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<nav>${buttons}</nav>
${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

/** The SVG element of the library's drawing, without its XML declaration. */
export function svgOnly(svg: string): string {
  return svg.replace(/^<\?xml[^>]*\?>\s*/, "");
}

/** The webview's message if it is one the extension answers, else `undefined`. */
export function parseMessage(message: unknown, findings: number): MapMessage | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === "reveal" && Number.isInteger(m.index) && (m.index as number) >= 0 && (m.index as number) < findings) {
    return { type: "reveal", index: m.index as number };
  }
  if (m.type === "view" && typeof m.view === "string" && (VIEWS as readonly string[]).includes(m.view)) {
    return { type: "view", view: m.view as View };
  }
  return undefined;
}

/** A nonce for the page's style and script. */
export function makeNonce(random: (n: number) => Buffer): string {
  return random(18).toString("base64").replace(/[+/=]/g, "");
}
