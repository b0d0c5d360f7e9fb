import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { testInLanes, type LaneCase } from "../acceptance/lanes.js";
import { availableDialects, withTestDatabase, type DialectName } from "../support/databases.js";
import { strataBin } from "../support/strata-process.js";

const test = suite("package: the packed tarball, installed into each kind of npm project");

/**
 * strata as users get it: `npm pack`, then `npm i` of the tarball into a new
 * project (from the npm cache, as `npm ci` left it: no network when it has
 * everything). The tarball is packed once and installed once, into the
 * project `npm init -y` makes (npm 11 writes "type": "commonjs"); each test
 * project links to that node_modules, which is legitimate because a
 * project's module type decides how its own files load, never its
 * dependencies.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "strata-tarball-"));

const KINDS = {
  "type module": '{ "name": "app", "type": "module" }',
  "type commonjs": undefined, // as `npm init -y` writes it
  "no type": '{ "name": "app" }',
  "no package.json": null,
} as const;
type Kind = keyof typeof KINDS;

/** A user's plugin: a custom operation, its renderer, and a comparator that asks for it when the marker table is missing. */
const CONFIG = `import { comparators, defineConfig, MigrateOperation, Operations, renderers } from "strata";

const MARKER = "app_marker";

class CreateMarkerOp extends MigrateOperation {
  constructor(readonly name: string) { super(); }
  reverse() { return new DropMarkerOp(this.name); }
  toDiffTuple() { return ["create_marker", this.name]; }
}

class DropMarkerOp extends MigrateOperation {
  constructor(readonly name: string) { super(); }
  reverse() { return new CreateMarkerOp(this.name); }
  toDiffTuple() { return ["drop_marker", this.name]; }
}

export default defineConfig({
  schema: "schemas",
  migrations: "migrations",
  // The marker is the plugin's business, not the schema's.
  includeObject: (_object, name, type) => !(type === "table" && name === MARKER),
  plugins: [
    () => {
      Operations.registerOperation("createMarker", CreateMarkerOp, { replace: true });
      Operations.registerOperation("dropMarker", DropMarkerOp, { replace: true });
      Operations.implementationFor(CreateMarkerOp, { replace: true })((op, marker: CreateMarkerOp) => op.execute("CREATE TABLE " + marker.name + " (id integer)"));
      Operations.implementationFor(DropMarkerOp, { replace: true })((op, marker: DropMarkerOp) => op.execute("DROP TABLE " + marker.name));
      renderers.dispatchFor(CreateMarkerOp, { replace: true })((_context, op: CreateMarkerOp) => "op.createMarker(" + JSON.stringify(op.name) + ")");
      renderers.dispatchFor(DropMarkerOp, { replace: true })((_context, op: DropMarkerOp) => "op.dropMarker(" + JSON.stringify(op.name) + ")");
      comparators.dispatchFor("schema", { name: "marker", replace: true })(async (context, upgradeOps) => {
        const sql = context.dialect.name === "sqlite"
          ? "SELECT name FROM sqlite_master WHERE name = ?"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1";
        if ((await context.connection.query(sql, [MARKER])).length === 0) upgradeOps.ops.push(new CreateMarkerOp(MARKER));
      });
    },
  ],
});
`;

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

interface Packed {
  readonly tarball: string;
  readonly files: readonly string[];
  /** The node_modules every project uses. */
  readonly modules: string;
}

let packed: Promise<Packed> | undefined;

/** Packs the build the runner just made (strataBin refuses a stale one) and installs it once. */
function packAndInstall(): Promise<Packed> {
  packed ??= (async () => {
    strataBin();
    // --ignore-scripts: `prepare` would rebuild dist/ under the feet of the tests running beside this one.
    const pack = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8" });
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    const [{ filename, files }] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const app = join(work, folderOf("type commonjs"));
    mkdirSync(app);
    for (const args of [["init", "-y"], ["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, filename)]]) {
      const result = await run("npm", args, app);
      if (result.code !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.err}`);
    }
    return { tarball: join(work, filename), files: files.map((f) => f.path).sort(), modules: join(app, "node_modules") };
  })();
  return packed;
}

test("the tarball holds the command, the compiled modules and their declarations, and nothing else", async () => {
  const { files } = await packAndInstall();
  const unexpected = files.filter((f) => !/^(package\.json|README\.md|bin\/strata\.js|dist\/(index|cli\/main|chunks\/[\w-]+)\.js|dist\/types\/(src|grammar)\/.+\.d\.ts)$/.test(f));
  assert.equal(unexpected, []);
  for (const needed of ["bin/strata.js", "dist/index.js", "dist/cli/main.js", "dist/types/src/index.d.ts", "dist/types/grammar/parser.d.ts"]) {
    assert.ok(files.includes(needed), `${needed} is missing from the tarball`);
  }
  assert.ok(!files.some((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), "TypeScript sources are shipped");
});

function folderOf(kind: Kind): string {
  return kind.replaceAll(" ", "-").replace(".", "");
}

/** A project of this kind for one dialect, using the one installed node_modules. */
async function project(kind: Kind, dialect: DialectName): Promise<string> {
  const { modules } = await packAndInstall();
  const cwd = join(work, `${folderOf(kind)}-${dialect}`);
  mkdirSync(cwd);
  const declared = KINDS[kind];
  const packageJson = declared === undefined ? readFileSync(join(modules, "..", "package.json"), "utf8") : declared;
  if (packageJson !== null) writeFileSync(join(cwd, "package.json"), `${packageJson.trim()}\n`);
  symlinkSync(modules, join(cwd, "node_modules"), "dir");
  return cwd;
}

const TABLES: Record<DialectName, string> = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  postgresql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  mysql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1",
};

async function lifecycle(kind: Kind, dialect: DialectName): Promise<void> {
  const app = await project(kind, dialect);
  await withTestDatabase(dialect, async (db) => {
    const url = dialect === "sqlite" ? "file:./dev.db" : db.url;
    // What `npx strata` runs.
    const strata = async (...argv: string[]) => {
      const result = await run(process.execPath, [join(app, "node_modules", ".bin", "strata"), ...argv], app, { DATABASE_URL: url });
      if (result.code !== 0) throw new Error(`${kind}, ${dialect}: strata ${argv.join(" ")} exited ${result.code}\n${result.out}\n${result.err}`);
      return result;
    };
    const tables = async () => {
      if (dialect !== "sqlite") return (await db.query<{ name: string }>(TABLES[dialect])).map((r) => r.name);
      const { createClient } = await import("@libsql/client");
      const client = createClient({ url: `file:${join(app, "dev.db")}` });
      try {
        return (await client.execute(TABLES.sqlite)).rows.map((r) => String(r.name));
      } finally {
        client.close();
      }
    };

    assert.is((await strata("init", "--dialect", dialect)).err, "");
    writeFileSync(join(app, "strata.config.ts"), CONFIG);
    const [written, verified] = (await strata("revision", "--autogenerate", "-m", "first")).out.trim().split("\n");
    assert.match(written, /^wrote migrations\/[0-9a-f]{12}_first\.ts$/);
    // Proven on a scratch database first, the plugin's operation included.
    assert.match(verified, new RegExp(`^verified [0-9a-f]{12} \\(migrations/[0-9a-f]{12}_first\\.ts\\) on a scratch ${dialect} database: `));
    const migration = readFileSync(join(app, written.slice("wrote ".length)), "utf8");
    assert.match(migration, '  await op.createMarker("app_marker");\n');
    assert.match(migration, '  await op.dropMarker("app_marker");\n');

    await strata("upgrade", "head");
    assert.equal(await tables(), ["app_marker", "strata_version", "user"]);
    assert.is((await strata("check")).out, `${dialect === "sqlite" ? "file:./dev.db" : db.url}: matches the schema\n`);
    await strata("downgrade", "base");
    assert.equal(await tables(), ["strata_version"]);
  });
}

// Every kind of project on SQLite; PostgreSQL in the project `npm init -y` makes
// (the module type decides how the user's files load, not which database they talk to).
const cases: Array<LaneCase & { name: string }> = [];
for (const dialect of availableDialects(["sqlite", "postgresql"])) {
  for (const kind of dialect === "sqlite" ? (Object.keys(KINDS) as Kind[]) : (["type commonjs"] as const)) {
    cases.push({
      lane: dialect,
      name: `${kind}, ${dialect}: init, revision --autogenerate, upgrade head, check, downgrade base, with a plugin's comparator and operation`,
      run: () => lifecycle(kind, dialect),
    });
  }
}
testInLanes(test, cases);

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
