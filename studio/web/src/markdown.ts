// A small renderer for the Markdown the language server writes in hovers
// and explanations: paragraphs, headings, lists, fenced code, `code` and
// **strong**. It builds nodes with text only, so spec text that looks like
// markup stays text.

import { el } from "./dom";

export function markdown(source: string): HTMLElement {
  const root = el("div", { class: "md" });
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: string[] = [];
  let list: HTMLUListElement | null = null;
  const flush = () => {
    if (paragraph.length) root.appendChild(el("p", {}, ...inline(paragraph.join(" "))));
    paragraph = [];
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("```")) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").startsWith("```"); i++) code.push(lines[i] ?? "");
      root.appendChild(el("pre", {}, code.join("\n")));
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      root.appendChild(el("p", { class: "md-heading" }, ...inline(heading[1] ?? "")));
    } else if (item) {
      if (paragraph.length) flush();
      if (!list) list = root.appendChild(el("ul"));
      list.appendChild(el("li", {}, ...inline(item[1] ?? "")));
    } else if (line.trim() === "" || /^(---|\*\*\*)\s*$/.test(line)) {
      flush();
    } else {
      if (list) list = null;
      paragraph.push(line.trim());
    }
  }
  flush();
  return root;
}

/** `code` spans and **strong** text as nodes; the rest as text. */
export function inline(text: string): Node[] {
  const nodes: Node[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    if (match[1] !== undefined) nodes.push(el("code", {}, match[1]));
    else nodes.push(el("strong", {}, match[2] ?? ""));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
