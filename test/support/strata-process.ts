/**
 * The CLI as users run it: `strata` as its own process, through the
 * package's bin, with what it prints and its exit code.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The `strata` command as users run it: bin/strata.js, which runs the
 * compiled package in dist/. `npm test` builds before any test starts; this
 * refuses a dist/ older than a source file, so a test that spawns the
 * command can never pass or fail on yesterday's build. Checked once per
 * test process.
 */
export function strataBin(): string {
  checkedBin ??= freshBin();
  return checkedBin;
}

let checkedBin: string | undefined;

function freshBin(): string {
  const built = builtAt();
  const newer = ["src", "grammar"].flatMap((folder) => sourcesNewerThan(join(root, folder), built));
  if (newer.length) {
    throw new Error(`dist/ is older than ${newer.slice(0, 3).join(", ")}${newer.length > 3 ? ", ..." : ""}: run \`npm run build\` (npm test does)`);
  }
  return join(root, "bin", "strata.js");
}

function builtAt(): number {
  try {
    return statSync(join(root, "dist", "cli", "main.js")).mtimeMs;
  } catch {
    throw new Error("dist/ is missing: run `npm run build` (npm test does)");
  }
}

function sourcesNewerThan(folder: string, time: number): string[] {
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, String(name)))
    .filter((path) => path.endsWith(".ts") && statSync(path).mtimeMs > time);
}

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

export interface StrataProcessOptions {
  readonly cwd: string;
  /** Added to the test's own environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Runs `strata ARGV` in `cwd` and resolves when it exits. */
export function runStrata(argv: readonly string[], options: StrataProcessOptions): Promise<ProcessResult> {
  return startStrata(argv, options).result;
}

/** Starts `strata ARGV`, for a test that signals it or watches its output while it runs. */
export function startStrata(argv: readonly string[], options: StrataProcessOptions): { child: ChildProcess; result: Promise<ProcessResult> } {
  const child = spawn(process.execPath, [strataBin(), ...argv], spawnOptions(options));
  return { child, result: collect(child) };
}

/**
 * Runs `strata ARGV` on a pseudo-terminal (util-linux `script`), as a person
 * at a terminal runs it; `out` is everything the terminal showed, stdout and
 * stderr together, escape codes included.
 */
export function runStrataOnTerminal(argv: readonly string[], options: StrataProcessOptions): Promise<ProcessResult> {
  const command = [process.execPath, strataBin(), ...argv].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  return collect(spawn("script", ["-qec", command, "/dev/null"], spawnOptions(options)));
}

/** Runs a shell command line (a pipe such as `strata check | head -1`), with `strata` on the PATH as a function. */
export function runShell(commandLine: string, options: StrataProcessOptions): Promise<ProcessResult> {
  const strata = `strata() { ${JSON.stringify(process.execPath)} ${JSON.stringify(strataBin())} "$@"; }`;
  return collect(spawn("bash", ["-c", `${strata}\n${commandLine}`], spawnOptions(options)));
}

function spawnOptions(options: StrataProcessOptions): SpawnOptions {
  // A variable given as undefined is taken out of the environment (CI, for a test of what a person at a terminal sees).
  const env = Object.fromEntries(Object.entries({ ...process.env, ...options.env }).filter(([, value]) => value !== undefined));
  return { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] };
}

function collect(child: ChildProcess): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk) => (out += chunk));
    child.stderr?.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, out, err }));
  });
}
