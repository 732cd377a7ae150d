import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { braceFoldingRanges } from "../../src/folding";
import { initializationOptions, missingServerMessage, resolveServerPath } from "../../src/server";

function fakeServer(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecospec-vscode-"));
  const file = path.join(dir, "ecospec-lsp");
  fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
  return { dir, file };
}

test("the default server is looked up on PATH", () => {
  const { dir, file } = fakeServer();
  assert.equal(resolveServerPath("", { PATH: `/nonexistent${path.delimiter}${dir}` }), file);
  assert.equal(resolveServerPath(undefined, { PATH: dir }), file);
  assert.equal(resolveServerPath("", { PATH: "/nonexistent" }), undefined);
});

test("a configured path is used as it is, relative to the workspace folder", () => {
  const { dir, file } = fakeServer();
  assert.equal(resolveServerPath(file, { PATH: "" }), file);
  assert.equal(resolveServerPath("./ecospec-lsp", { PATH: "" }, dir), file);
  assert.equal(resolveServerPath(path.join(dir, "missing"), { PATH: dir }), undefined);
});

test("a file that is not executable is not a server", { skip: process.platform === "win32" }, () => {
  const { file } = fakeServer();
  fs.chmodSync(file, 0o644);
  assert.equal(resolveServerPath(file, {}), undefined);
});

test("the missing-server message says what to install and what to set", () => {
  const onPath = missingServerMessage("");
  assert.match(onPath, /`ecospec-lsp` was not found on PATH/);
  assert.match(onPath, /cargo install --path lsp/);
  assert.match(onPath, /ecospec\.server\.path/);
  assert.match(missingServerMessage("/opt/x"), /`\/opt\/x` \(the setting `ecospec\.server\.path`\)/);
});

test("allowOutsideImports is passed as a boolean initialization option", () => {
  assert.deepEqual(initializationOptions(true), { allowOutsideImports: true });
  assert.deepEqual(initializationOptions(false), { allowOutsideImports: false });
  assert.deepEqual(initializationOptions(undefined), { allowOutsideImports: false });
});

test("folding follows braces, ignoring braces in strings and comments", () => {
  const text = [
    'cluster a "{" {', // 0
    "    bets_on: s // }", // 1
    "    needs: c", // 2
    "}", // 3
    "intervention i {", // 4
    "    extend actor x {", // 5
    "        provides: c", // 6
    "    }", // 7
    "}", // 8
    "scenario s { }", // 9
  ].join("\n");
  assert.deepEqual(braceFoldingRanges(text), [
    { start: 0, end: 2 },
    { start: 4, end: 7 },
    { start: 5, end: 6 },
  ]);
});
