// Parses each Mermaid file named on the command line with Mermaid itself
// (in a jsdom window: Mermaid expects a browser): the goldens of
// `ecospec graph --format mermaid` must be flowcharts GitHub can render.
// Exits 1 naming each file that does not parse.
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

const files = process.argv.slice(2);
let failed = 0;
for (const file of files) {
  try {
    await mermaid.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    failed += 1;
    console.log(`${file}: ${String(error.message ?? error)}`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
