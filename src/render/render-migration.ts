import type { Hazard } from "../dialects/hazards.js";
import type { DowngradeOps, MigrationScript, UpgradeOps } from "../ops/index.js";
import { renderers } from "./builtin-renderers.js";
import { databaseOfToken, functionNameForToken } from "./database-tokens.js";
import { formatMigration, skeletonBody, type MigrationText } from "./format-migration.js";
import { jsLiteral } from "./js-literal.js";
import { renderBody } from "./render-code.js";
import { renderStatements } from "./render-statements.js";
import { newRenderContext, type RenderContext, type RenderOptions } from "./render-context.js";

export interface MigrationFileOptions extends RenderOptions {
  /** The `Created:` time (default: now). */
  readonly createdAt?: Date;
  /** Start each function with the "auto generated" comment (default true); false for a hand-written (blank) revision. */
  readonly autogenerate?: boolean;
  /** The header's `Verified:` line: whether strata proved the migration on a scratch database (omitted when undefined). */
  readonly verified?: string;
}

export interface RenderedMigration {
  readonly source: string;
  /** What the upgrade ops lose (their `dataLoss()`), for the CLI to print; the file has them as comments. */
  readonly upgradeWarnings: readonly string[];
  readonly downgradeWarnings: readonly string[];
  /** The hazards written above upgrade ops, for the CLI to print. */
  readonly upgradeHazards: readonly Hazard[];
}

/**
 * A migration file's TypeScript for one MigrationScript, before Prettier:
 * the header comment, the imports, the revision identifiers and the
 * upgrade/downgrade functions (one pair per database when the script has
 * several UpgradeOps, plus the `databases` map the runtime reads).
 */
export function renderMigrationSource(script: MigrationScript, options: MigrationFileOptions = {}): RenderedMigration {
  return renderMigrationText(script, options).rendered;
}

/** The rendered migration, and the text the formatter works from. */
function renderMigrationText(script: MigrationScript, options: MigrationFileOptions): { rendered: RenderedMigration; text: MigrationText } {
  const ctx = newRenderContext(renderers, { ...options, imports: [...script.imports, ...(options.imports ?? [])] });
  const multi = script.upgradeOpsList.length > 1 || script.upgradeOpsList[0]?.upgradeToken !== "upgrades";
  const upgradeWarnings: string[] = [];
  const downgradeWarnings: string[] = [];
  const upgradeHazards: Hazard[] = [];
  const functions: { name: string; body: string }[] = [];
  const databases: string[] = [];
  script.upgradeOpsList.forEach((up, i) => {
    const down = script.downgradeOpsList[i];
    if (!down) throw new TypeError(`MigrationScript ${script.revId}: upgrade list "${up.upgradeToken}" has no downgrade list`);
    const names = multi
      ? { upgrade: functionNameForToken(up.upgradeToken), downgrade: functionNameForToken(down.downgradeToken) }
      : { upgrade: "upgrade", downgrade: "downgrade" };
    functions.push(renderFunction(names.upgrade, up, ctx, options, upgradeWarnings));
    upgradeHazards.push(...ctx.hazardWarnings.splice(0));
    functions.push(renderFunction(names.downgrade, down, ctx, options, downgradeWarnings));
    const database = databaseOfToken(up.upgradeToken) ?? up.upgradeToken;
    databases.push(`${jsLiteral(database)}: { upgrade: ${names.upgrade}, downgrade: ${names.downgrade} }`);
  });
  const strata = ctx.strataModule;
  const file = (bodyOf: (body: string, index: number) => string) => [
    [
      header(script, options.createdAt ?? new Date(), options.verified),
      ctx.usesSchemaBuilders ? `import { type Operations, s } from ${jsLiteral(strata)};` : `import type { Operations } from ${jsLiteral(strata)};`,
      ...ctx.imports,
    ].join("\n"),
    [
      `export const revision = ${jsLiteral(script.revId)};`,
      `export const downRevision = ${listOrNull(script.downRevision)};`,
      `export const branchLabels = ${listOrNull(script.branchLabel, true)};`,
      `export const dependsOn = ${listOrNull(script.dependsOn, true)};`,
      // CREATE INDEX CONCURRENTLY and its kind cannot run in a transaction.
      ...(script.transactional === false ? ["export const transactional = false;"] : []),
    ].join("\n"),
    ...functions.map(({ name, body }, i) => `export async function ${name}(op: Operations): Promise<void> {\n${bodyOf(body, i)}\n}`),
    ...(multi ? [`export const databases = {\n${databases.join(",\n")},\n};`] : []),
  ].join("\n\n") + "\n";
  const source = file((body) => body);
  const skeleton = file(skeletonBody);
  return { rendered: { source, upgradeWarnings, downgradeWarnings, upgradeHazards }, text: { source, skeleton, bodies: functions.map((f) => f.body) } };
}

/** The migration file as written: rendered, then formatted with the project's Prettier settings. */
export async function renderMigrationFile(
  script: MigrationScript,
  options: MigrationFileOptions & { readonly filePath?: string } = {},
): Promise<RenderedMigration> {
  const { rendered, text } = renderMigrationText(script, options);
  return { ...rendered, source: await formatMigration(text, options.filePath) };
}

function renderFunction(
  name: string,
  ops: UpgradeOps | DowngradeOps,
  ctx: RenderContext,
  options: MigrationFileOptions,
  warnings: string[],
): { name: string; body: string } {
  const body = options.autogenerate === false ? renderStatementsOf(ops.ops, ctx) : renderBody(ops.ops, ctx);
  warnings.push(...ctx.warnings.splice(0));
  return { name, body };
}

function renderStatementsOf(ops: UpgradeOps["ops"], ctx: RenderContext): string {
  return ops.flatMap((op) => renderStatements(ctx, op)).join("\n");
}

function header(script: MigrationScript, createdAt: Date, verified: string | undefined): string {
  const down = script.downRevision === undefined ? [] : [script.downRevision].flat();
  const message = (script.message ?? "").trim() || "(no message)";
  const lines = [
    ...message.split("\n"),
    "",
    `Revision: ${script.revId}`,
    `Revises: ${down.length ? down.join(", ") : "<base>"}`,
    `Created: ${createdAt.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    ...(verified === undefined ? [] : [`Verified: ${verified}`]),
  ];
  return ["/**", ...lines.map((l) => ` * ${l.replaceAll("*/", "*\\/")}`.trimEnd()), " */"].join("\n");
}

/** `null`, `"a"` or `["a", "b"]`; `alwaysList` writes one value as a list too (labels, dependencies). */
function listOrNull(value: string | string[] | undefined, alwaysList = false): string {
  const list = value === undefined ? [] : [value].flat();
  if (list.length === 0) return "null";
  return list.length === 1 && !alwaysList ? jsLiteral(list[0]) : jsLiteral(list);
}
