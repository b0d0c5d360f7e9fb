// `npm run build`: the package as users run it, in dist/.
//
// esbuild bundles the JavaScript: the package entry (dist/index.js) and the
// command line (dist/cli/main.js) share their modules through common chunks,
// so a config's `import "strata"` meets the instance the command runs, and
// each command's `import()` stays a chunk of its own, loaded only when that
// command runs. One file per source module (tsc's output) costs every
// command some 150 module loads: `strata diff` took 5x a bare `node -e 0`,
// bundled it takes about 3x. tsc then writes the .d.ts declarations, which
// esbuild does not.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/index.ts", "src/cli/main.ts"],
  outbase: "src",
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Dependencies stay in node_modules, and "strata" resolves to this package's own entry at run time.
  packages: "external",
  logLevel: "warning",
});
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
