import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { dialectNamed } from "../../src/dialects/registry.js";
import { runtimeSupportFor } from "../../src/runtime/runtime-support.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";

const test = suite("migration lock");

/**
 * Another process holds the lock (on PostgreSQL and MySQL the session lock,
 * on SQLite the write transaction BEGIN IMMEDIATE opens): taking it here
 * waits, says so where the server can tell, and succeeds once it is free.
 * A separate process, because SQLite's busy wait blocks the waiting process.
 */
const HOLD_MS = 700;

function holdLock(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("hold-lock.ts", import.meta.url))], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, STRATA_HOLD_LOCK: `${url} ${HOLD_MS}` },
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve(child));
    child.on("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

for (const name of availableDialects()) {
  test(`${name}: a second process waits for the first one's lock`, async () => {
    await withTestDatabase(name, async (db) => {
      const dialect = dialectNamed(name)!;
      const support = runtimeSupportFor(dialect);
      const connection = await dialect.connect(db.url);
      try {
        const holder = await holdLock(db.url);
        const started = Date.now();
        let waited = false;
        await support.acquireLock(connection, "strata_version", () => (waited = true));
        await connection.execute(support.beginStatement);
        const elapsed = Date.now() - started;
        await connection.execute("COMMIT");
        await support.releaseLock(connection, "strata_version");
        await new Promise((resolve) => holder.once("exit", resolve));
        assert.ok(elapsed > HOLD_MS / 2, `took the lock after ${elapsed} ms, while the other process held it`);
        // SQLite waits inside BEGIN IMMEDIATE and cannot tell beforehand.
        assert.is(waited, name !== "sqlite");
      } finally {
        await connection.close();
      }
    });
  });

  test(`${name}: the version table's existence is read from the catalog, without creating it`, async () => {
    await withTestDatabase(name, async (db) => {
      const dialect = dialectNamed(name)!;
      const connection = await dialect.connect(db.url);
      try {
        const support = runtimeSupportFor(dialect);
        assert.is(await support.tableExists(connection, "Odd Name"), false);
        await db.run(`CREATE TABLE ${dialect.quoteIdentifier("Odd Name")} (id integer)`);
        assert.is(await support.tableExists(connection, "Odd Name"), true);
        assert.is(await support.tableExists(connection, "odd name"), name === "sqlite");
      } finally {
        await connection.close();
      }
    });
  });
}

test("a dialect without runtime support is an error, not a skip", () => {
  const dialect = { ...dialectNamed("sqlite")!, name: "oracle" };
  assert.throws(() => runtimeSupportFor(dialect), /cannot run migrations on dialect "oracle"/);
});

test.run();
