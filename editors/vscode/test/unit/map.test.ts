// The ecosystem map's page and messages (src/map.ts): spec text only as
// text, a strict content security policy, clicks mapped to findings.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { GraphResult, contentSecurityPolicy, makeNonce, mapHtml, parseMessage } from "../../src/map";

const repo = path.join(__dirname, "..", "..", "..", "..");
// The library's drawing of the hostile spec (quotes, `<script>`, `]]>`, `-->`, emoji in every text).
const hostileSvg = fs.readFileSync(path.join(repo, "tests", "graph", "hostile", "clusters.svg"), "utf8");

const HOSTILE = `<script>alert(1)</script> "q" 'a' & <img src=x onerror=alert(2)> --> ]]> 🌍`;

function result(): GraphResult {
  return {
    format: "svg",
    content: hostileSvg,
    findings: [
      {
        element: "cluster:a",
        code: "W0401",
        lint: "unbridged-cluster",
        message: HOSTILE,
        uri: "file:///x/a.eco",
        range: { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } },
      },
      {
        element: `bridge:"><script>`,
        code: "W0418",
        lint: "critical-bridge",
        message: "m",
        uri: "file:///x/b.eco",
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      },
    ],
  };
}

/** Every `<script` tag of a page: only the page's own may be there. */
function scripts(html: string): string[] {
  return html.match(/<script[^>]*>/g) ?? [];
}

test("the page admits only its own script and style, by nonce", () => {
  const html = mapHtml({ nonce: "N0nce", view: "clusters", graph: result() });
  const csp = contentSecurityPolicy("N0nce");
  assert.equal(csp, "default-src 'none'; style-src 'nonce-N0nce'; script-src 'nonce-N0nce'; img-src data:");
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
  assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
  assert.deepEqual(scripts(html), ['<script nonce="N0nce">']);
  assert.deepEqual(html.match(/<style[^>]*>/g), ['<style nonce="N0nce">']);
  // No inline handler in any tag (the policy would block it; none is written).
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i);
});

test("spec text is never markup: findings, element ids and errors are escaped", () => {
  const html = mapHtml({ nonce: "n", view: "actors", graph: result() });
  assert.ok(
    html.includes(
      "&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; &lt;img src=x onerror=alert(2)&gt; --&gt; ]]&gt; 🌍",
    ),
  );
  assert.ok(html.includes('data-element="bridge:&quot;&gt;&lt;script&gt;"'));
  assert.doesNotMatch(html, /<img/);
  const error = mapHtml({ nonce: "n", view: "clusters", graph: { error: HOSTILE } });
  assert.deepEqual(scripts(error), ['<script nonce="n">']);
  assert.ok(error.includes('<p class="error">&lt;script&gt;alert(1)'));
});

test("the drawing is the library's SVG, inline, without its XML declaration", () => {
  const html = mapHtml({ nonce: "n", view: "clusters", graph: result() });
  assert.ok(hostileSvg.startsWith("<?xml"));
  assert.ok(html.includes(`<div class="drawing">${hostileSvg.replace(/^<\?xml[^>]*\?>\s*/, "")}</div>`));
  assert.doesNotMatch(html, /<\?xml/);
  // The library escaped the hostile spec: still only the page's script.
  assert.deepEqual(scripts(html), ['<script nonce="n">']);
  // One list item per finding, carrying the drawn element it is shown by.
  assert.deepEqual(html.match(/<li data-index="\d+" data-element="[^"]*">/g), [
    '<li data-index="0" data-element="cluster:a">',
    '<li data-index="1" data-element="bridge:&quot;&gt;&lt;script&gt;">',
  ]);
  assert.ok(html.includes('<button data-view="clusters" aria-pressed="true">clusters</button>'));
  const none = mapHtml({ nonce: "n", view: "clusters", graph: { ...result(), findings: [] } });
  assert.ok(none.includes("<p>No finding drawn.</p>"));
});

test("only well-formed messages are answered", () => {
  assert.deepEqual(parseMessage({ type: "reveal", index: 1 }, 2), { type: "reveal", index: 1 });
  assert.equal(parseMessage({ type: "reveal", index: 2 }, 2), undefined, "past the findings");
  assert.equal(parseMessage({ type: "reveal", index: -1 }, 2), undefined);
  assert.equal(parseMessage({ type: "reveal", index: 0.5 }, 2), undefined);
  assert.equal(parseMessage({ type: "reveal", index: "0" }, 2), undefined);
  assert.deepEqual(parseMessage({ type: "view", view: "capabilities" }, 0), { type: "view", view: "capabilities" });
  assert.equal(parseMessage({ type: "view", view: "<b>" }, 0), undefined);
  assert.equal(parseMessage({ type: "run", command: "rm" }, 0), undefined);
  assert.equal(parseMessage(null, 1), undefined);
  assert.equal(parseMessage("reveal", 1), undefined);
});

test("a nonce is random bytes in base64 letters and digits", () => {
  const nonce = makeNonce((n) => Buffer.from(Array.from({ length: n }, (_, i) => i * 14)));
  assert.match(nonce, /^[A-Za-z0-9]+$/);
  assert.ok(nonce.length >= 20, nonce);
  assert.notEqual(makeNonce((n) => Buffer.alloc(n, 1)), makeNonce((n) => Buffer.alloc(n, 2)));
});
