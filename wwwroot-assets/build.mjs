// Bundles the widget into one IIFE script: node build.mjs <output folder>
// The app's build (AgentWorkspace/build/Widget.targets) calls this when a source is newer than the bundle.
import { build } from "esbuild";
import path from "node:path";

const outdir = process.argv[2] ?? "../AgentWorkspace/obj/widgetjs/widget";

await build({
  entryPoints: ["src/widget.js"],
  bundle: true,
  format: "iife",
  target: ["es2020"],
  minify: true,
  legalComments: "none",
  outfile: path.join(outdir, "widget.js"),
  logLevel: "warning",
});
