#!/usr/bin/env node
// The CLI runs from TypeScript sources through tsx, so a clean clone works
// after `npm install` with no build step; the same loader lets strata import
// the user's migrations and strata.config.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
