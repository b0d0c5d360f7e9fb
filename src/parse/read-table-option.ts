import type { TableOptionName } from "../model/index.js";
import type { Attribute, Value } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import { readBoolean, readInteger, readSql, readString, type Signature } from "./read-args.js";

export interface TableOptionSyntax {
  readonly option: TableOptionName;
  readonly value?: "string" | "integer" | "sql";
  /** Named `true`/`false` arguments of a flag that set options of their own (`force:` of `@@rowLevelSecurity`). */
  readonly flags?: Readonly<Record<string, TableOptionName>>;
  readonly usage: string;
}

/** How each table option is written, by attribute name: a flag (`@@strict`) or one value (`@@engine("InnoDB")`, `@@virtual(sql("fts5(body)"))`). */
export const TABLE_OPTION_SYNTAX: Readonly<Record<string, TableOptionSyntax>> = {
  virtual: { option: "virtual", value: "sql", usage: '@@virtual(sql("fts5(title, body)"))' },
  strict: { option: "strict", usage: "@@strict" },
  withoutRowid: { option: "withoutRowid", usage: "@@withoutRowid" },
  unlogged: { option: "unlogged", usage: "@@unlogged" },
  rowLevelSecurity: {
    option: "rowLevelSecurity",
    flags: { force: "forceRowLevelSecurity" },
    usage: "@@rowLevelSecurity or @@rowLevelSecurity(force: true)",
  },
  engine: { option: "engine", value: "string", usage: '@@engine("InnoDB")' },
  rowFormat: { option: "rowFormat", value: "string", usage: '@@rowFormat("DYNAMIC")' },
  autoIncrement: { option: "autoIncrement", value: "integer", usage: "@@autoIncrement(1000)" },
  charset: { option: "charset", value: "string", usage: '@@charset("utf8mb4")' },
  collate: { option: "collation", value: "string", usage: '@@collate("utf8mb4_unicode_ci")' },
  partitions: { option: "partitions", value: "sql", usage: '@@partitions(sql("PARTITION BY HASH (`id`) PARTITIONS 4"))' },
};

/** The table-option attributes' signatures, for the table attribute table. */
export const TABLE_OPTION_ATTRIBUTES: Record<string, Signature> = Object.fromEntries(
  Object.entries(TABLE_OPTION_SYNTAX).map(([name, o]) => [
    name,
    { positional: o.value ? ["value"] : [], required: o.value ? 1 : 0, named: Object.keys(o.flags ?? {}), usage: o.usage },
  ]),
);

/**
 * Reads one table-option attribute into `options`; reports an option the
 * dialect does not keep (its `tableOptions` capability) or a value of the
 * wrong kind.
 */
export function readTableOption(
  ctx: BuildContext,
  attr: Attribute,
  value: Value | undefined,
  named: ReadonlyMap<string, Value>,
  options: Record<string, unknown>,
): void {
  const spec = TABLE_OPTION_SYNTAX[attr.name];
  if (ctx.dialect && !ctx.dialect.capabilities.tableOptions.includes(spec.option)) {
    ctx.error(attr, `@@${attr.name} is not supported by ${ctx.dialect.name}`);
    return;
  }
  if (!spec.value || value === undefined) {
    options[spec.option] = true;
    for (const [flag, option] of Object.entries(spec.flags ?? {})) {
      const given = named.get(flag);
      if (given !== undefined) options[option] = readBoolean(ctx, given);
    }
    return;
  }
  const read = spec.value === "string" ? readString(ctx, value) : spec.value === "sql" ? readSql(ctx, value) : readInteger(ctx, value);
  if (read !== undefined) options[spec.option] = read;
}
