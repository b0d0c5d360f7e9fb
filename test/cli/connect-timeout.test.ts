import { createServer, type Server, type Socket } from "node:net";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { project } from "../acceptance/project.js";
import { runStrata } from "../support/strata-process.js";

/** A loopback server that accepts every connection and never says a word. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const timedOut = (verb: string, url: string, seconds: number) =>
  `strata ${verb}: cannot connect to ${url}: no answer within ${seconds} s (wait longer with --connect-timeout SECONDS)\n`;

test("every dialect gives up on a server that never answers: one line, exit 2", async () => {
  const server = await silentServer();
  const p = project({ "schemas/app.schema": "table t {\n  id integer @id\n}\n" });
  try {
    const host = `127.0.0.1:${server.port}`;
    const cases = [
      { verb: "diff", url: `postgres://strata@${host}/app`, flag: ["--connect-timeout", "1"], seconds: 1 },
      { verb: "upgrade", url: `mysql://root@${host}/app`, flag: ["--connect-timeout", "1.5"], seconds: 1.5 },
      { verb: "current", url: `libsql://${host}?tls=0`, flag: ["--connect-timeout", "1"], seconds: 1 },
      // No flag: the 10 s default.
      { verb: "check", url: `postgres://strata@${host}/app`, flag: [], seconds: 10 },
    ];
    const results = await Promise.all(
      cases.map(async (c) => {
        const argv = c.verb === "upgrade" ? ["upgrade", "head"] : [c.verb];
        const started = performance.now();
        const result = await runStrata([...argv, "--url", c.url, ...c.flag], { cwd: p.cwd });
        return { ...c, result, elapsed: (performance.now() - started) / 1000 };
      }),
    );
    for (const { verb, url, seconds, result, elapsed } of results) {
      assert.is(result.err, timedOut(verb, url, seconds), url);
      assert.is(result.code, 2, url);
      assert.ok(elapsed >= seconds, `${url}: gave up after ${elapsed} s, before ${seconds} s`);
      // Generous: starting strata on a loaded machine takes seconds; a hang takes minutes.
      assert.ok(elapsed < seconds + 60, `${url}: took ${elapsed} s`);
    }
  } finally {
    p.done();
    await server.close();
  }
});

test("connectTimeout in strata.config.ts sets the wait; the flag wins over it", async () => {
  const server = await silentServer();
  const url = `postgres://strata@127.0.0.1:${server.port}/app`;
  const p = project({
    "schemas/app.schema": "table t {\n  id integer @id\n}\n",
    "strata.config.ts": `export default { url: ${JSON.stringify(url)}, connectTimeout: 1 };\n`,
  });
  try {
    const [fromConfig, fromFlag] = await Promise.all([
      runStrata(["diff"], { cwd: p.cwd }),
      runStrata(["diff", "--connect-timeout", "2"], { cwd: p.cwd }),
    ]);
    assert.is(fromConfig.err, timedOut("diff", url, 1));
    assert.is(fromFlag.err, timedOut("diff", url, 2));
    const bad = await runStrata(["diff", "--connect-timeout", "soon"], { cwd: p.cwd });
    assert.is(bad.err, 'strata diff: --connect-timeout takes a number of seconds above 0, not "soon"\n');
    assert.is(bad.code, 2);
  } finally {
    p.done();
    await server.close();
  }
});

test.run();
