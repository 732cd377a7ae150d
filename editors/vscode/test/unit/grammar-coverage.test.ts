// The grammar test all-words.eco must assert a scope on every keyword, field
// name, enum value and actor kind that scripts/build-grammar.js knows.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const words = require("../../scripts/build-grammar.js") as {
  KEYWORDS: { declaration: string[]; other: string[] };
  FIELDS: string[];
  ENUM_FIELDS: Record<string, string[]>;
  ACTOR_KINDS: string[];
};

const root = path.join(__dirname, "..", "..");
const lines = fs.readFileSync(path.join(root, "test", "grammar", "all-words.eco"), "utf8").split("\n");

// The words of source lines that an assertion line with the given scope points at.
function assertedWords(scope: string): Set<string> {
  const found = new Set<string>();
  let source = "";
  for (const line of lines) {
    if (!line.startsWith("//")) {
      source = line;
      continue;
    }
    const caret = /^\/\/(\s*)(\^+)\s+(.*)$/.exec(line);
    const arrow = /^\/\/ (<-+)\s+(.*)$/.exec(line);
    if (caret && caret[3].split(/\s+/).includes(scope)) {
      const start = 2 + caret[1].length;
      found.add(source.slice(start, start + caret[2].length));
    } else if (arrow && arrow[2].split(/\s+/).includes(scope)) {
      found.add(source.slice(0, arrow[1].length - 1));
    }
  }
  return found;
}

test("all-words.eco covers every keyword", () => {
  const asserted = new Set<string>();
  for (const scope of [
    "keyword.control.import.ecospec",
    "storage.modifier.extend.ecospec",
    ...["between", "and", "among", "on"].map((k) => `keyword.other.${k}.ecospec`),
    ...words.KEYWORDS.declaration.map((k) => `storage.type.${k}.ecospec`),
  ]) {
    for (const w of assertedWords(scope)) asserted.add(w);
  }
  for (const keyword of [...words.KEYWORDS.declaration, ...words.KEYWORDS.other]) {
    assert.ok(asserted.has(keyword), `keyword ${keyword} has no scope assertion`);
  }
});

test("all-words.eco covers every field name", () => {
  const asserted = assertedWords("variable.other.property.ecospec");
  for (const field of words.FIELDS) assert.ok(asserted.has(field), `field ${field} has no scope assertion`);
});

test("all-words.eco covers every enum value and actor kind", () => {
  const values = assertedWords("constant.language.enum.ecospec");
  for (const value of Object.values(words.ENUM_FIELDS).flat()) {
    assert.ok(values.has(value), `enum value ${value} has no scope assertion`);
  }
  const kinds = assertedWords("support.type.actor-kind.ecospec");
  for (const kind of words.ACTOR_KINDS) assert.ok(kinds.has(kind), `actor kind ${kind} has no scope assertion`);
});
