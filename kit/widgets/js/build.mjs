// Builds the widgets' front ends: each entry below, an ES module that imports the shared code of
// ./common.js, becomes one self-contained module in kit/widgets/static/, the file anywidget loads
// (`_esm`). After editing a file here run `make widgets` (or `npm ci && npm run build`) and commit
// the bundles; tests/widgets/test_bundles.py rebuilds into a temporary folder (the folder given
// as the argument) and fails when the committed bundles differ.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ENTRIES = ["highlighter", "claim_tagger", "keyboard"];

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] ?? path.join(here, "..", "static"));

await build({
  absWorkingDir: path.resolve(here, "..", "..", ".."), // the repository: paths in comments stay the same
  entryPoints: ENTRIES.map((name) => `kit/widgets/js/${name}.js`),
  outdir,
  bundle: true,
  format: "esm",
  charset: "utf8",
  minifyWhitespace: true,
  banner: { js: "// Built by kit/widgets/js/build.mjs (make widgets) from kit/widgets/js/: edit those files, not this one." },
  logLevel: "warning",
});
