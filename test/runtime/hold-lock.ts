// Child process for runtime-support.test.ts: takes the migration lock the way
// `upgrade` does, says "locked", holds it for a while, then lets go. Inert
// unless STRATA_HOLD_LOCK is set, so a test runner that imports it does nothing.
import { dialectForUrl } from "../../src/dialects/registry.js";
import { runtimeSupportFor } from "../../src/runtime/runtime-support.js";

const [url, holdMs] = (process.env.STRATA_HOLD_LOCK ?? "").split(" ");
if (url) await hold();

async function hold(): Promise<void> {
  const dialect = dialectForUrl(url)!;
  const support = runtimeSupportFor(dialect);
  const connection = await dialect.connect(url);
  await support.acquireLock(connection, "strata_version", () => {});
  await connection.execute(support.beginStatement);
  process.stdout.write("locked\n");
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  await connection.execute("COMMIT");
  await support.releaseLock(connection, "strata_version");
  await connection.close();
}
