/**
 * A throwaway strata project for acceptance tests: schema files, a config,
 * a migrations folder, and `strata` run in-process through `main`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import type { DialectName } from "../support/databases.js";

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export interface Project {
  readonly cwd: string;
  strata(...argv: string[]): Promise<CliResult>;
  /** Like `strata`, but fails the test with everything printed unless the exit code is `expected`. */
  ok(argv: readonly string[], expected?: number): Promise<CliResult>;
  write(path: string, text: string): void;
  read(path: string): string;
  migrations(): string[];
  done(): void;
}

export function project(files: Record<string, string> = {}): Project {
  const cwd = mkdtempSync(join(tmpdir(), "strata-accept-"));
  mkdirSync(join(cwd, "migrations"));
  const write = (path: string, text: string) => {
    mkdirSync(join(cwd, path, ".."), { recursive: true });
    writeFileSync(join(cwd, path), text);
  };
  write("package.json", '{ "type": "module" }\n');
  // Migrations import from "strata", as in a project that installed it.
  mkdirSync(join(cwd, "node_modules"));
  symlinkSync(fileURLToPath(new URL("../..", import.meta.url)), join(cwd, "node_modules", "strata"), "dir");
  for (const [path, text] of Object.entries(files)) write(path, text);
  const strata = async (...argv: string[]): Promise<CliResult> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  return {
    cwd,
    strata,
    async ok(argv, expected = 0) {
      const result = await strata(...argv);
      if (result.code !== expected) {
        throw new Error(
          `strata ${argv.join(" ")} exited ${result.code}, not ${expected}\n--- out\n${result.out}\n--- err\n${result.err}`,
        );
      }
      return result;
    },
    write,
    read: (path) => readFileSync(join(cwd, path), "utf8"),
    migrations: () =>
      readdirSync(join(cwd, "migrations"))
        .filter((f) => f.endsWith(".ts"))
        .sort(),
    done: () => rmSync(cwd, { recursive: true, force: true }),
  };
}

export function schemaFile(dialect: DialectName, url: string, body: string): string {
  return `database {\n  dialect = "${dialect}"\n  url = ${JSON.stringify(url)}\n}\n\n${body}\n`;
}
