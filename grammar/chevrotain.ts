import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Chevrotain, loaded from the single-file build it ships beside its modules.
 * Its package entry imports some 650 modules of lodash-es: 0.4 s on plain
 * Node and 0.9 s through tsx's loader, at the start of every strata command
 * and every test file; the bundle loads in about 35 ms. The package's exports
 * map names only its entry, so the bundle is found from where the entry
 * resolves; were a Chevrotain release to stop shipping it, the entry is
 * used (slower to load, the same code). Everything in strata takes
 * Chevrotain's values from here: token types made by one copy of Chevrotain
 * mean nothing to another.
 */
// Required, not imported: a top-level await here would make every module
// above the grammar (the "strata" package entry among them) impossible to
// require() from a CommonJS strata.config.ts.
const load = createRequire(import.meta.url);
const entry = load.resolve("chevrotain");
const bundle = join(dirname(entry), "..", "chevrotain.mjs");

/** Which copy was loaded: test/parse/lexer.test.ts insists on the bundle, so an upgrade that loses it is noticed. */
export const chevrotainSource: "bundle" | "entry" = existsSync(bundle) ? "bundle" : "entry";

const chevrotain: typeof import("chevrotain") = chevrotainSource === "bundle" ? load(bundle) : load("chevrotain");

export const { createToken, EmbeddedActionsParser, EOF, Lexer } = chevrotain;
