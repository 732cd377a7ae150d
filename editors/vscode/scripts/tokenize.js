// Tokenizes ecospec text with the extension's TextMate grammar, using the
// same engine as VS Code (vscode-textmate with the Oniguruma WebAssembly build).
"use strict";

const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const GRAMMAR = path.join(__dirname, "..", "syntaxes", "ecospec.tmLanguage.json");

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.ecospec"
        ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, "utf8"), GRAMMAR)
        : null,
  });
  return registry.loadGrammar("source.ecospec");
}

// Returns one array per line of { text, scopes }.
function tokenizeText(grammar, text) {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
}

module.exports = { loadGrammar, tokenizeText };

if (require.main === module) {
  (async () => {
    const grammar = await loadGrammar();
    const file = process.argv[2];
    const lines = tokenizeText(grammar, fs.readFileSync(file, "utf8"));
    lines.forEach((tokens, i) => {
      for (const t of tokens) {
        if (t.text.trim() === "") continue;
        console.log(`${i + 1}: ${JSON.stringify(t.text)} ${t.scopes.slice(1).join(" ")}`);
      }
    });
  })();
}
