// The studio in a real browser: Debian's Chromium driven by playwright-core
// against a real `ecospec serve` (the binary in $ECOSPEC) over a temporary
// copy of examples/all-in. Run by cli/tests/studio_browser.rs; by hand:
//   ECOSPEC=target/debug/ecospec node studio/web/test/studio.test.mjs
// With STUDIO_SCREENSHOTS=DIR the screenshots are kept there.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";
import { distinctColours } from "./png.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../../..");
const ECOSPEC = process.env.ECOSPEC ?? join(repo, "target/debug/ecospec");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const LIMIT_MS = 240_000;
const WAIT_MS = 20_000;

const cleanups = [];
/** While the studio is down on purpose, the browser's failed reconnections are expected. */
let studioDown = false;
const watchdog = setTimeout(() => fail(new Error(`the test took over ${LIMIT_MS / 1000} s`)), LIMIT_MS);

async function fail(error) {
  console.error(`not ok - ${error.stack ?? error}`);
  await cleanup();
  process.exit(1);
}

async function cleanup() {
  for (const undo of cleanups.reverse()) await undo().catch(() => {});
  cleanups.length = 0;
}

async function step(name, body) {
  await body();
  console.log(`ok - ${name}`);
}

/** `ecospec serve DIR --port PORT ...extra`; its address, read from the line it prints, and its process. */
function serve(dir, extra = [], port = 0) {
  const child = spawn(ECOSPEC, ["serve", dir, "--port", String(port), ...extra], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(async () => child.kill());
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolveServe, reject) => {
    let stdout = "";
    const timer = setTimeout(
      () => reject(new Error(`no address from ecospec serve: ${stdout}${stderr}`)),
      WAIT_MS,
    );
    child.on("exit", (code) => reject(new Error(`ecospec serve exited (${code}): ${stdout}${stderr}`)));
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const line = /^ecospec studio: http:\/\/([^/\s]+):(\d+)\/ \((trainer|participant) mode/m.exec(stdout);
      if (!line) return;
      clearTimeout(timer);
      resolveServe({ port: Number(line[2]), mode: line[3], url: `http://127.0.0.1:${line[2]}/`, child });
    });
  });
}

/** A PUT of `text` to the studio with the given Origin; the status. */
function put(port, path, text, origin) {
  return new Promise((resolvePut, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "PUT",
        path: `/api/files/${path}`,
        headers: { Origin: origin, "Content-Type": "text/plain" },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolvePut(response.statusCode));
      },
    );
    request.on("error", reject);
    request.end(text);
  });
}

/** A fresh copy of examples/all-in, in a folder named `folder` (the page shows the name). */
async function allIn(name, folder = "all-in") {
  const parent = await mkdtemp(join(tmpdir(), `ecospec-studio-${name}-`));
  cleanups.push(() => rm(parent, { recursive: true, force: true }));
  const dir = join(parent, folder);
  await cp(join(repo, "examples/all-in"), dir, { recursive: true });
  return dir;
}

/** Opens the page and collects what the console says is an error. */
async function open(browser, url, viewport, errors) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (studioDown && /WebSocket connection to .* failed/.test(message.text())) return;
    errors.push(`${url} console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${url} page error: ${error.message}`));
  await page.goto(url);
  await ready(page);
  return page;
}

/** The page has its files, its findings and its map. */
async function ready(page) {
  await page.locator('#files button[data-path="all-in.eco"]').waitFor();
  await page.locator("#findings .finding", { hasText: "W0403" }).first().waitFor();
  await page.locator("#map svg").waitFor();
}

/**
 * The editor's line holding `text`. CodeMirror draws only the lines near
 * the window, so the editor is scrolled until it is drawn.
 */
async function line(page, text) {
  await page.locator("#editor").scrollIntoViewIfNeeded();
  const found = page.locator(".cm-line", { hasText: text }).first();
  const scroller = page.locator(".cm-scroller");
  await scroller.evaluate((node) => (node.scrollTop = 0));
  for (let tries = 0; tries < 40 && (await found.count()) === 0; tries++) {
    await scroller.evaluate((node) => (node.scrollTop += node.clientHeight / 2));
    await page.waitForTimeout(50);
  }
  await found.scrollIntoViewIfNeeded();
  return found;
}

/** Clicks at the end of the editor's line holding `text`. */
async function lineEnd(page, text) {
  await (await line(page, text)).click();
  await page.keyboard.press("End");
}

/** The middle of `word` in the editor's line holding `text`. */
async function wordAt(page, text, word) {
  return (await line(page, text)).evaluate((node, word) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = t.textContent.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + word.length);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    throw new Error(`no ${word} on the line`);
  }, word);
}

/** The window's top 720 px: enough to show the page, and a small picture for the book. */
async function screenshot(page, name, width) {
  const png = await page.screenshot({ clip: { x: 0, y: 0, width, height: 720 } });
  const { width: shotWidth, colours } = distinctColours(png);
  assert.equal(shotWidth, width, `${name}: the screenshot's width`);
  assert.ok(colours >= 16, `${name}: ${colours} distinct colours, a blank page`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the window`);
  if (process.env.STUDIO_SCREENSHOTS) {
    await mkdir(process.env.STUDIO_SCREENSHOTS, { recursive: true });
    await writeFile(join(process.env.STUDIO_SCREENSHOTS, `${name}.png`), png);
  }
}

/** The page's SVG cleaner and Markdown renderer, bundled for a blank page as `window.safe`. */
async function safeModules() {
  const built = await esbuild.build({
    stdin: {
      contents: 'export { safeSvg } from "./src/svg"; export { markdown } from "./src/markdown";',
      resolveDir: resolve(here, ".."),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    globalName: "safe",
    write: false,
    logLevel: "warning",
  });
  return built.outputFiles[0].text;
}

const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="window.hit=1">
<script>window.hit=2</script>
<g class="cluster" id="cluster:a" onclick="window.hit=3"><title>t</title><text>&lt;b&gt;kept as text&lt;/b&gt;</text></g>
<a href="javascript:window.hit=4"><text>link</text></a>
<a href="#cluster:a"><text>inside</text></a>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.hit=5"/></div></foreignObject>
<image href="http://example.invalid/x.png"/>
</svg>`;

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  cleanups.push(() => browser.close());
  const errors = [];

  await step("the map's SVG and the server's Markdown never become markup or script", async () => {
    const blank = await browser.newPage();
    await blank.setContent("<!doctype html><body></body>");
    await blank.addScriptTag({ content: await safeModules() });
    const found = await blank.evaluate((svg) => {
      const cleaned = window.safe.safeSvg(svg);
      document.body.appendChild(cleaned);
      const md = window.safe.markdown(
        "# <h1>x</h1>\n\n**<b>y</b>** and `<img src=x onerror=window.hit=6>`\n\n- <script>z</script>",
      );
      document.body.appendChild(md);
      const attributes = Array.from(cleaned.querySelectorAll("*")).flatMap((e) =>
        Array.from(e.attributes).map((a) => `${a.name}=${a.value}`),
      );
      const tags = (root) => Array.from(root.querySelectorAll("*")).map((e) => e.localName);
      return {
        tags: [...tags(cleaned), ...tags(md)].sort(),
        attributes: [...Array.from(cleaned.attributes).map((a) => a.name), ...attributes],
        text: document.body.textContent,
      };
    }, HOSTILE_SVG);
    await blank.waitForTimeout(100);
    assert.equal(await blank.evaluate(() => window.hit), undefined, "a handler ran");
    for (const tag of ["script", "foreignobject", "img", "image", "h1", "b", "div"]) {
      assert.ok(!found.tags.includes(tag), `<${tag}> made it in: ${found.tags}`);
    }
    assert.ok(
      !found.attributes.some((a) => a.startsWith("on") || a.includes("javascript")),
      `${found.attributes}`,
    );
    assert.ok(found.attributes.includes("href=#cluster:a"), "a link inside the drawing stays");
    assert.match(found.text, /<b>kept as text<\/b>/);
    assert.match(found.text, /<img src=x onerror=window.hit=6>/);
    assert.match(found.text, /<script>z<\/script>/);
    await blank.close();
  });

  const trainerDir = await allIn("trainer");
  const trainer = await serve(trainerDir);
  assert.equal(trainer.mode, "trainer");
  const page = await open(browser, trainer.url, { width: 1280, height: 900 }, errors);

  await step("the page shows the trainer's folder, its findings and its map", async () => {
    assert.equal(await page.locator("#mode").textContent(), "trainer");
    assert.equal(await page.locator("#folder").textContent(), "all-in");
    const files = await page
      .locator("#files button")
      .evaluateAll((nodes) => nodes.map((n) => n.dataset.path));
    assert.deepEqual(files, [
      "all-in.eco",
      "antimilitarist.eco",
      "bridges.eco",
      "capabilities.eco",
      "mobilization.eco",
      "scenarios.eco",
    ]);
    await page.locator(".cm-content .tok-keyword").first().waitFor();
    await page.locator("#interventions .intervention").first().waitFor();
  });

  await step("the page at 1280 px is not blank", () => screenshot(page, "studio-1280", 1280));

  await step("a misspelled name is underlined and listed, with its did-you-mean fix", async () => {
    await page.locator('#files button[data-path="bridges.eco"]').click();
    await lineEnd(page, "via: communications");
    await page.keyboard.press("Backspace");
    await page.locator(".cm-lintRange-error").first().waitFor();
    const finding = page.locator("#findings .finding.error", { hasText: "communication" });
    await finding.waitFor();
    await finding.locator(".fix", { hasText: "communications" }).waitFor();
  });

  await step("the fix applied, the diagnostic is gone", async () => {
    await page.locator("#findings .finding.error .fix", { hasText: "communications" }).first().click();
    await page.locator("#findings .finding.error").waitFor({ state: "detached" });
    await page.locator(".cm-lintRange-error").waitFor({ state: "detached" });
    await page.locator(".cm-line", { hasText: "via: communications" }).waitFor();
  });

  await step("a finding clicked shows its explanation, as text", async () => {
    await page.locator("#findings .finding-place", { hasText: "W0403" }).first().click();
    const box = page.locator("#explanation");
    await box.locator(".explained", { hasText: "W0403" }).waitFor();
    assert.match(await box.textContent(), /uncovered-capability/);
  });

  await step("a marked element of the map, clicked, goes to its finding in the text", async () => {
    await page.locator('#files button[data-path="all-in.eco"]').click();
    await page.locator('#map svg [id="cluster:antimilitarist"].marked').click();
    await page.locator('#files button.current[data-path="antimilitarist.eco"]').waitFor();
    // The cluster's first marked finding: nobody provides spokespeople (22:9).
    await page.locator(".cm-activeLine", { hasText: "spokespeople" }).waitFor();
  });

  await step("hovering a cluster shows its facts", async () => {
    await page.locator('#files button[data-path="bridges.eco"]').click();
    const at = await wordAt(page, "bridge comms_teams between", "antimilitarist");
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator(".cm-tooltip-hover");
    await tooltip.waitFor();
    const text = await tooltip.textContent();
    assert.match(text, /antimilitarist/);
    assert.match(text, /stop_rearmament/, `the cluster's members are among its facts: ${text}`);
    await page.mouse.move(5, 5);
  });

  await step("switching an intervention on changes the map and the lists", async () => {
    const before = {
      map: await page.locator("#map").innerHTML(),
      marked: await page.locator("#marked").textContent(),
    };
    await page.locator('input[data-intervention="spokespeople_network"]').check();
    await page.waitForFunction(
      (before) =>
        document.querySelector("#map").innerHTML !== before.map &&
        document.querySelector("#marked").textContent !== before.marked,
      before,
    );
    const on = page.locator(".intervention.on");
    assert.match(await on.textContent(), /spokespeople_network/);
    assert.match(await on.locator(".changes").textContent(), /closes[\s\S]*W0403/);
    // One at a time: another switched on turns the first off.
    await page.locator('input[data-intervention="joint_conference"]').check();
    await page.locator(".intervention.on", { hasText: "joint_conference" }).waitFor();
    assert.equal(await page.locator('input[data-intervention="spokespeople_network"]').isChecked(), false);
    await page.locator('input[data-intervention="joint_conference"]').uncheck();
    await page.waitForFunction((map) => document.querySelector("#map").innerHTML === map, before.map);
  });

  await step("the view switch draws the actors", async () => {
    await page.locator('[data-view="actors"]').click();
    await page.locator("#map svg title", { hasText: "actors view" }).first().waitFor({ state: "attached" });
    await page.locator('[data-view="clusters"]').click();
    await page.locator("#map svg title", { hasText: "clusters view" }).first().waitFor({ state: "attached" });
  });

  await step("a scenario picked shows its walk", async () => {
    await page.locator("#scenario").selectOption("escalation");
    const walk = page.locator("#walk");
    await walk.locator(".walk-title", { hasText: "what if escalation comes" }).waitFor();
    assert.match(
      await walk.textContent(),
      /activates[\s\S]*antimilitarist[\s\S]*joins in[\s\S]*mobilization/,
    );
    await page
      .locator("#map svg title", { hasText: "under scenario `escalation`" })
      .first()
      .waitFor({ state: "attached" });
    await page.locator("#scenario").selectOption("");
  });

  await step("an exercise opens with its gap, and on request its fixed version", async () => {
    await page.locator("#exercise").selectOption("W0401-unbridged-cluster");
    await page.locator("#open-exercise").click();
    await page.locator("#files button.current", { hasText: "exercise W0401-unbridged-cluster" }).waitFor();
    await page.locator("#findings .finding", { hasText: "W0401" }).first().waitFor();
    // The map and panels are the exercise's own ecosystem's, not the folder's.
    await page
      .locator("#map svg title", { hasText: "W0401-unbridged-cluster" })
      .first()
      .waitFor({ state: "attached" });
    await page.locator("#interventions .none", { hasText: "No interventions declared" }).waitFor();
    assert.deepEqual(await page.locator("#scenario option").allTextContents(), [
      "(no scenario)",
      "escalation",
      "outrageous_moment",
    ]);
  });

  await step("completion offers the names the spec declares", async () => {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type('\ncluster newcomers "Newcomers" {\n    bets_on: esc');
    const offered = page.locator(".cm-tooltip-autocomplete li", { hasText: "escalation" });
    await offered.waitFor();
    await page.keyboard.press("Escape");
  });

  await step("the exercise's fixed version, on request", async () => {
    await page.locator("#show-fixed").click();
    await page.locator("#findings .finding", { hasText: "W0401" }).first().waitFor({ state: "detached" });
  });

  await step("spec text that looks like markup is shown as text", async () => {
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      return dialog.dismiss();
    });
    await page.locator('#files button[data-path="bridges.eco"]').click();
    await lineEnd(page, "unity: tactical");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    const label = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    await page.keyboard.type(`\ncluster hostile "${label}" {\n}\n`);
    await page.locator("#map svg text", { hasText: "<img src=x" }).first().waitFor({ state: "attached" });
    await page.locator("#findings .finding", { hasText: "hostile" }).first().waitFor();
    for (const where of ["#map", "#findings", "#marked", "#interventions"]) {
      assert.equal(await page.locator(`${where} img, ${where} script`).count(), 0, `markup in ${where}`);
    }
    assert.equal(dialogs, 0);
    await page.locator("#revert").click();
    await page.locator("#findings .finding", { hasText: "hostile" }).first().waitFor({ state: "detached" });
  });

  await step("Save in trainer mode writes every changed file under the folder", async () => {
    await page.locator('#files button[data-path="bridges.eco"]').click();
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("// edited in the studio\n");
    await page.locator('#files button[data-path="scenarios.eco"]').click();
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("// this one too\n");
    await page.locator("#files button .changed").nth(1).waitFor();
    await page.locator("#save").click();
    await page.locator("#status", { hasText: "Saved bridges.eco, scenarios.eco." }).waitFor();
    const saved = await readFile(join(trainerDir, "bridges.eco"), "utf8");
    assert.ok(saved.startsWith("// edited in the studio\n// bridges.eco"), saved.slice(0, 80));
    const other = await readFile(join(trainerDir, "scenarios.eco"), "utf8");
    assert.ok(other.startsWith("// this one too\n"), other.slice(0, 80));
    assert.equal(await page.locator("#files button .changed").count(), 0, "nothing left to save");
  });

  await step("a write with another Origin is refused (403) and changes nothing", async () => {
    const before = await readFile(join(trainerDir, "bridges.eco"), "utf8");
    assert.equal(await put(trainer.port, "bridges.eco", "x", "http://evil.example"), 403);
    assert.equal(await readFile(join(trainerDir, "bridges.eco"), "utf8"), before);
  });

  // A name that URIs must encode: the page's URIs and the server's must agree.
  const participantDir = await allIn("participant", "all in's copy (2)");
  // A file whose name a URI may or may not encode (`&`, `+`, `@`): its
  // diagnostics must reach the page under the name the page opened it as.
  await writeFile(
    join(participantDir, "notes & plans+1@home.eco"),
    'cluster notes "Notes" {\n    needs: nothing_declared\n}\n',
  );
  const participant = await serve(participantDir, ["--bind", "0.0.0.0"]);
  assert.equal(participant.mode, "participant");
  const original = await readFile(join(participantDir, "bridges.eco"), "utf8");
  const guest = await open(browser, participant.url, { width: 375, height: 812 }, errors);

  await step("the page at 375 px is not blank and fits the width", () =>
    screenshot(guest, "studio-375", 375),
  );

  await step("in participant mode the server refuses to save (403)", async () => {
    assert.equal(await guest.locator("#mode").textContent(), "participant");
    assert.equal(await guest.locator("#folder").textContent(), "all in's copy (2)");
    await guest.locator("#findings .finding", { hasText: "notes & plans+1@home.eco:2:" }).first().waitFor();
    const origin = `http://127.0.0.1:${participant.port}`;
    assert.equal(await put(participant.port, "bridges.eco", "x", origin), 403);
    await guest.locator('#files button[data-path="bridges.eco"]').click();
    await lineEnd(guest, "strength: loose");
    await guest.keyboard.type(" // a participant's note");
    await guest.locator("#save").click();
    await guest.locator("#status", { hasText: "Saving is for the trainer" }).waitFor();
    assert.equal(await readFile(join(participantDir, "bridges.eco"), "utf8"), original);
  });

  await step("the participant's copy stays in the browser and downloads as a file and a zip", async () => {
    await guest.reload();
    await ready(guest);
    await guest.locator('#files button[data-path="bridges.eco"]').click();
    await (await line(guest, "a participant's note")).waitFor();
    const [file] = await Promise.all([
      guest.waitForEvent("download"),
      guest.locator("#download-file").click(),
    ]);
    assert.equal(file.suggestedFilename(), "bridges.eco");
    const text = await readFile(await file.path(), "utf8");
    assert.match(text, /strength: loose \/\/ a participant's note/);
    const [archive] = await Promise.all([
      guest.waitForEvent("download"),
      guest.locator("#download-zip").click(),
    ]);
    assert.match(archive.suggestedFilename(), /\.zip$/);
    const zip = await readFile(await archive.path());
    assert.equal(zip.readUInt32LE(0), 0x04034b50, "a zip's first local header");
    const end = zip.length - 22;
    assert.equal(zip.readUInt32LE(end), 0x06054b50, "the zip's end record");
    assert.equal(zip.readUInt16LE(end + 10), 7, "every file of the folder");
    assert.ok(zip.includes(Buffer.from("strength: loose // a participant's note")), "the stored edit");
    assert.equal(await readFile(join(participantDir, "bridges.eco"), "utf8"), original);
  });

  await step("Revert file brings back the folder's version, in the scratch copy too", async () => {
    await guest.locator("#revert").click();
    await guest.reload();
    await ready(guest);
    await guest.locator('#files button[data-path="bridges.eco"]').click();
    await line(guest, "strength: loose");
    assert.equal(await guest.locator(".cm-line", { hasText: "a participant's note" }).count(), 0);
  });

  await step("when the studio restarts, the page reconnects with its own text", async () => {
    await lineEnd(guest, "strength: loose");
    await guest.keyboard.type(" // before the restart");
    await guest.locator(".cm-line", { hasText: "before the restart" }).waitFor();
    studioDown = true;
    const exited = new Promise((resolveExit) => participant.child.once("exit", resolveExit));
    participant.child.kill();
    await exited;
    await guest.locator("#status", { hasText: "reconnecting" }).waitFor();
    await guest.keyboard.type(" // while it was away");
    const again = await serve(participantDir, ["--bind", "0.0.0.0"], participant.port);
    assert.equal(again.port, participant.port);
    await guest.locator("#status", { hasText: "Reconnected" }).waitFor();
    studioDown = false;
    await lineEnd(guest, "via: communications");
    await guest.keyboard.press("Backspace");
    await guest.locator("#findings .finding.error", { hasText: "communication" }).waitFor();
    await guest.locator(".cm-line", { hasText: "// before the restart // while it was away" }).waitFor();
  });

  await step("no console errors", () => assert.deepEqual(errors, []));
}

main()
  .then(async () => {
    clearTimeout(watchdog);
    await cleanup();
  })
  .catch(fail);
