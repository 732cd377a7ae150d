#!/usr/bin/env node
// Renders an .eco file with the TextMate grammar to out/highlighting.html,
// colouring scopes as VS Code's Dark Modern theme does, and checks that the
// main kinds of token received their colour.
//   node scripts/render-html.js [file.eco]   (default: examples/all-in.eco)
"use strict";

const fs = require("fs");
const path = require("path");
const { loadGrammar, tokenizeText } = require("./tokenize");

// Scope prefix → colour, most specific first (Dark Modern / Dark+ colours).
const THEME = [
  ["invalid", "#f44747", "text-decoration: underline wavy #f44747"],
  ["comment.line.documentation", "#6a9955", "font-style: italic"],
  ["comment", "#6a9955"],
  ["constant.character.escape", "#d7ba7d"],
  ["string", "#ce9178"],
  ["storage", "#569cd6"],
  ["keyword", "#c586c0"],
  ["entity.name.type", "#4ec9b0"],
  ["entity.name.function", "#dcdcaa"],
  ["support.type", "#4ec9b0"],
  ["constant.language", "#569cd6"],
  ["constant.other.lint", "#4fc1ff"],
  ["variable.other.property", "#9cdcfe"],
  ["variable", "#9cdcfe"],
];

function style(scopes) {
  for (const [prefix, color, extra] of THEME) {
    if (scopes.some((s) => s === prefix || s.startsWith(prefix + "."))) {
      return { prefix, css: `color: ${color}` + (extra ? `; ${extra}` : "") };
    }
  }
  return { prefix: null, css: "" };
}

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

(async () => {
  const root = path.join(__dirname, "..");
  const input = process.argv[2] || path.join(root, "examples", "all-in.eco");
  const grammar = await loadGrammar();
  const lines = tokenizeText(grammar, fs.readFileSync(input, "utf8").replace(/\n$/, ""));
  const used = new Set();
  const body = lines
    .map((tokens) =>
      tokens
        .map((t) => {
          const { prefix, css } = style(t.scopes);
          if (prefix) used.add(prefix);
          const title = t.scopes.slice(1).join(" ");
          return css
            ? `<span style="${css}" title="${escapeHtml(title)}">${escapeHtml(t.text)}</span>`
            : escapeHtml(t.text);
        })
        .join(""),
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(path.basename(input))} — ecospec highlighting</title>
<style>
body { margin: 0; background: #1f1f1f; }
pre { margin: 0; padding: 16px 20px; color: #cccccc; font: 14px/1.45 "DejaVu Sans Mono", monospace; }
</style></head>
<body><pre>${body}</pre></body></html>
`;
  const outDir = path.join(root, "out");
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, "highlighting.html");
  fs.writeFileSync(outFile, html);

  const expected = [
    "comment", "comment.line.documentation", "string", "constant.character.escape", "invalid",
    "storage", "keyword", "entity.name.type", "support.type", "constant.language",
    "variable.other.property", "variable", "entity.name.function", "constant.other.lint",
  ];
  const missing = expected.filter((p) => !used.has(p));
  if (missing.length > 0) {
    console.error(`render: no token was coloured as ${missing.join(", ")}`);
    process.exit(1);
  }
  console.log(`render: wrote ${path.relative(process.cwd(), outFile)} (${lines.length} lines, ${used.size} colour classes)`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
