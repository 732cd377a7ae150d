// Bundles the page into dist/ (or the folder given with --outdir): the
// TypeScript in src/ into one minified studio.js, the stylesheet into
// studio.css, index.html copied. The output is deterministic (no dates, no
// absolute paths), so the committed dist/ can be compared with a fresh
// build (cli/tests/studio_browser.rs).
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf("--outdir");
const outdir = resolve(at > 0 && process.argv[at + 1] ? process.argv[at + 1] : join(here, "dist"));
await mkdir(outdir, { recursive: true });

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  logLevel: "warning",
  legalComments: "none",
  charset: "utf8",
  banner: { js: "/* ecospec studio. Bundles CodeMirror 6 (MIT License, Marijn Haverbeke and others). */" },
};
await esbuild.build({
  ...common,
  entryPoints: ["src/main.ts"],
  outfile: join(outdir, "studio.js"),
  format: "iife",
  target: ["es2020"],
});
await esbuild.build({
  ...common,
  entryPoints: ["src/studio.css"],
  outfile: join(outdir, "studio.css"),
});
await copyFile(join(here, "src/index.html"), join(outdir, "index.html"));
