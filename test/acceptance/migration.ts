/** Hand-written migration files for acceptance tests, in the shape `strata revision` writes. */
export function migrationFile(options: {
  revision: string;
  downRevision?: string;
  upgrade: string;
  downgrade: string;
  message?: string;
  extra?: string;
}): string {
  return [
    "/**",
    ` * ${options.message ?? `migration ${options.revision}`}`,
    " */",
    'import { type Operations, s } from "strata";',
    "",
    `export const revision = ${JSON.stringify(options.revision)};`,
    `export const downRevision = ${JSON.stringify(options.downRevision ?? null)};`,
    ...(options.extra ? [options.extra] : []),
    "",
    "export async function upgrade(op: Operations): Promise<void> {",
    options.upgrade,
    "}",
    "",
    "export async function downgrade(op: Operations): Promise<void> {",
    options.downgrade,
    "}",
    "",
  ].join("\n");
}
