// strata's figures from one run of the peer harness (its raw.jsonl), as ratios
// against the floor (the database's own client running one bulk catalog query)
// and the peers of that same run, beside the targets of the performance work.
import { readFileSync } from "node:fs";

const rows = readFileSync(process.argv[2], "utf8").trim().split("\n").map((line) => JSON.parse(line));
const median = (tool, dialect, op) =>
  rows.find((r) => r.tool === tool && r.dialect === dialect && (op === undefined || r.op === op) && r.wall_s_median !== undefined)?.wall_s_median;

const TARGETS = {
  pg: { floor: 2, alembic: 0.07 },
  mysql: { floor: 2, bestPeer: 0.3 },
  sqlite: { floor: 2, bestPeer: 0.3 },
};

const verdict = (ratio, target) => (ratio === undefined ? "no figure" : `${ratio.toFixed(2)}x (target <= ${target}x: ${ratio <= target ? "met" : "MISSED"})`);
for (const [dialect, target] of Object.entries(TARGETS)) {
  const strata = median("strata", dialect);
  const floor = median("floor", dialect);
  const alembic = median("alembic", dialect);
  const peers = [alembic, median("drizzle", dialect, "pull"), median("drizzle", dialect, "push")].filter((x) => x !== undefined);
  if (strata === undefined) {
    console.log(`${dialect}: no strata figure in this run`);
    continue;
  }
  const lines = [`${dialect}: strata ${strata.toFixed(2)} s`, `  vs floor ${floor?.toFixed(2)} s: ${verdict(floor && strata / floor, target.floor)}`];
  if (target.alembic) lines.push(`  vs Alembic ${alembic?.toFixed(2)} s: ${verdict(alembic && strata / alembic, target.alembic)}`);
  if (target.bestPeer) lines.push(`  vs best peer ${peers.length ? Math.min(...peers).toFixed(2) : "?"} s: ${verdict(peers.length ? strata / Math.min(...peers) : undefined, target.bestPeer)}`);
  console.log(lines.join("\n"));
}
