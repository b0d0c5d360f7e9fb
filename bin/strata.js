#!/usr/bin/env node
// The command runs the compiled package in dist/ (`npm run build`, which
// `npm install` runs in a git checkout through `prepare`).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
