// Builds the widgets' front ends: each entry below, an ES module that imports the shared code of
// ./common.js, becomes one self-contained module in kit/widgets/static/, the file anywidget loads
// (`_esm`). After editing a file here run `make widgets` (or `npm ci && npm run build`) and commit
// the bundles; tests/widgets/test_bundles.py rebuilds into a temporary folder (the folder given
// as the argument) and fails when the committed bundles differ.
//
// Live reload while you edit: `npm run watch` rebuilds on every save, and a kernel started with
// ANYWIDGET_HMR=1 (and the watchfiles package installed) sends each new bundle to the open widgets.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { context } from "esbuild";

const ENTRIES = ["highlighter", "claim_tagger", "keyboard"];

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const watch = args.includes("--watch");
const folder = args.find((a) => a !== "--watch");
const outdir = path.resolve(folder ?? path.join(here, "..", "static"));

const ctx = await context({
  absWorkingDir: path.resolve(here, "..", "..", ".."), // the repository: paths in comments stay the same
  entryPoints: ENTRIES.map((name) => `kit/widgets/js/${name}.js`),
  outdir,
  bundle: true,
  format: "esm",
  charset: "utf8",
  // One line of code a bundle: a quarter smaller (anywidget sends it with every widget shown) and
  // read by `duplicates` as generated, not as a copy of js/. Names stay, for stack traces.
  minifyWhitespace: true,
  banner: { js: "// Built by kit/widgets/js/build.mjs (make widgets) from kit/widgets/js/: edit those files, not this one." },
  logLevel: watch ? "info" : "warning",
});
if (watch) {
  await ctx.watch();
} else {
  await ctx.rebuild();
  await ctx.dispose();
}
