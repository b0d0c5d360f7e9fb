/**
 * Several databases in one migration: each database's ops render into their
 * own pair of functions, named after the UpgradeOps/DowngradeOps tokens.
 * Tokens follow the reference (`main_upgrades`, `main_downgrades`); the
 * functions are `upgradeMain`/`downgradeMain`, and the file says which
 * belongs to which database in `export const databases = { main: { upgrade:
 * upgradeMain, downgrade: downgradeMain } }`, which is what the runtime reads.
 */
export function tokensFor(database: string): { upgradeToken: string; downgradeToken: string } {
  return { upgradeToken: `${database}_upgrades`, downgradeToken: `${database}_downgrades` };
}

/** The database a token belongs to: `main_upgrades` → `main`; the single-database tokens have none. */
export function databaseOfToken(token: string): string | undefined {
  const match = /^(.+)_(upgrades|downgrades)$/.exec(token);
  return match?.[1];
}

/** The function a token renders as: `upgrades` → `upgrade`, `main_upgrades` → `upgradeMain`. */
export function functionNameForToken(token: string): string {
  const match = /^(?:(.+)_)?(upgrade|downgrade)s$/.exec(token);
  const [verb, rest] = match ? [match[2], match[1] ?? ""] : ["", token];
  const words = rest.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = verb + words.map((w, i) => (verb === "" && i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
