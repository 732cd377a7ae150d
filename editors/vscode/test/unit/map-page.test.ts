// The ecosystem map's page run in a DOM (jsdom, every script allowed to run,
// unlike the webview): its own script turns clicks into the messages the
// extension answers, and the spec text of the hostile drawing runs nothing.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { GraphResult, PlacedFinding, mapHtml } from "../../src/map";

// The little of the DOM the tests use (the extension's TypeScript has no DOM library).
interface Element {
  getAttribute(name: string): string | null;
  dispatchEvent(event: unknown): boolean;
  textContent: string | null;
}
interface Document {
  getElementById(id: string): Element | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): { length: number };
}
interface Page {
  window: { document: Document; MouseEvent: new (type: string, init: object) => unknown };
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { JSDOM } = require("jsdom") as {
  JSDOM: new (html: string, options: { runScripts: string; beforeParse: (window: Record<string, unknown>) => void }) => Page;
};

const repo = path.join(__dirname, "..", "..", "..", "..");
const drawing = (file: string) => fs.readFileSync(path.join(repo, file), "utf8");

function finding(element: string, code: string): PlacedFinding {
  const at = { line: 1, character: 2 };
  return { element, code, lint: "l", message: "m", uri: "file:///x.eco", range: { start: at, end: at } };
}

/** The page in a DOM; what it posts, and how many times `alert` ran. */
function load(graph: GraphResult): {
  document: Document;
  click: (element: Element | null) => void;
  posted: () => unknown[];
  alerts: () => number;
} {
  const posted: unknown[] = [];
  let alerts = 0;
  const html = mapHtml({ nonce: "n", view: "clusters", graph });
  const page = new JSDOM(html, {
    runScripts: "dangerously",
    beforeParse(window) {
      window.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => posted.push(m) });
      window.alert = () => {
        alerts += 1;
      };
    },
  });
  const click = (element: Element | null) => {
    assert.ok(element, "the element is on the page");
    element.dispatchEvent(new page.window.MouseEvent("click", { bubbles: true }));
  };
  // Made in the page's realm: compared as data.
  return { document: page.window.document, click, posted: () => JSON.parse(JSON.stringify(posted)), alerts: () => alerts };
}

test("a click on a drawn element or on a listed finding asks to reveal that finding", () => {
  const graph: GraphResult = {
    format: "svg",
    content: drawing("docs/src/all-in.svg"),
    findings: [finding("bridge:comms_teams", "W0418"), finding("cluster:mobilization", "W0403")],
  };
  const { document, click, posted } = load(graph);
  const mobilization = document.getElementById("cluster:mobilization");
  assert.equal(mobilization?.getAttribute("class"), "cluster finding");
  // A cluster without a finding drawn is not clickable.
  assert.equal(document.getElementById("cluster:antimilitarist")?.getAttribute("class"), "cluster");
  click(mobilization);
  click(document.querySelector('li[data-index="0"]'));
  click(document.querySelector('button[data-view="actors"]'));
  assert.deepEqual(posted(), [
    { type: "reveal", index: 1 },
    { type: "reveal", index: 0 },
    { type: "view", view: "actors" },
  ]);
});

test("the hostile spec's drawing and messages run nothing", () => {
  const hostile = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
  for (const view of ["clusters", "actors", "capabilities"]) {
    const graph: GraphResult = {
      format: "svg",
      content: drawing(`tests/graph/hostile/${view}.svg`),
      findings: [{ ...finding(`cluster:${hostile}`, "W0401"), message: hostile }],
    };
    const { document, alerts } = load(graph);
    assert.equal(alerts(), 0, view);
    assert.equal(document.querySelectorAll("script").length, 1, view);
    assert.equal(document.querySelector("li")?.textContent, `W0401 l: ${hostile}`);
    assert.ok(document.querySelectorAll("svg g.cluster").length > 0, view);
  }
  const { alerts } = load({ error: hostile } as unknown as GraphResult);
  assert.equal(alerts(), 0);
});
