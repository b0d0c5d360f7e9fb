import { CheckConstraint, ForeignKeyConstraint, withUnspecifiedAction, type ReferentialAction } from "../../model/index.js";
import type { CheckRow, ForeignKeyRow } from "./mysql-catalog.js";
import { byName, groupBy } from "./mysql-collections.js";
import type { MysqlFlavor } from "./mysql-defaults.js";
import { stripOuterParens } from "./mysql-sql-text.js";

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  CASCADE: "cascade",
  "SET NULL": "setNull",
  "SET DEFAULT": "setDefault",
  RESTRICT: "restrict",
  "NO ACTION": "noAction",
};

/**
 * What the server reports for an action the DDL left out, so it cannot be
 * told from that action written out: MariaDB says RESTRICT, MySQL 8 NO
 * ACTION. The other one is kept as written (the catalog shows it).
 */
export const UNSPECIFIED_ACTION: Readonly<Record<MysqlFlavor, ReferentialAction>> = { mariadb: "restrict", mysql: "noAction" };

function action(rule: string): ReferentialAction {
  const value = ACTIONS[rule.toUpperCase()];
  if (!value) throw new Error(`unknown referential action in information_schema: ${rule}`);
  return value;
}

/** `rows`: one table's foreign-key columns, by constraint, in ORDINAL_POSITION order. */
export function buildForeignKeys(rows: readonly ForeignKeyRow[], db: string, flavor: MysqlFlavor): ForeignKeyConstraint[] {
  const foreignKeys = [...groupBy(rows, (row) => row.name)].map(([name, parts]) =>
    withUnspecifiedAction(
      new ForeignKeyConstraint({
        name,
        columns: parts.map((p) => p.columnName),
        target: parts[0].targetSchema === db ? { name: parts[0].targetTable } : { schema: parts[0].targetSchema, name: parts[0].targetTable },
        targetColumns: parts.map((p) => p.targetColumn),
        onDelete: action(parts[0].deleteRule),
        onUpdate: action(parts[0].updateRule),
      }),
      UNSPECIFIED_ACTION[flavor],
    ),
  );
  return foreignKeys.sort(byName);
}

const JSON_VALID = /^json_valid\(`((?:[^`]|``)+)`\)$/i;

/**
 * Splits one table's checks into real constraints and the `json_valid(col)`
 * checks MariaDB adds to every JSON column (a LONGTEXT column; the check is
 * named after it). MySQL 8 wraps clauses in parentheses and MariaDB does
 * not: neither is kept.
 */
export function buildChecks(
  rows: readonly CheckRow[],
  longtextColumns: ReadonlySet<string>,
): { checks: CheckConstraint[]; jsonColumns: Set<string> } {
  const checks: CheckConstraint[] = [];
  const jsonColumns = new Set<string>();
  for (const row of rows) {
    const expression = stripOuterParens(row.clause);
    const json = JSON_VALID.exec(expression);
    const column = json?.[1].replaceAll("``", "`");
    if (column !== undefined && column === row.name && longtextColumns.has(column)) jsonColumns.add(column);
    else checks.push(new CheckConstraint({ name: row.name, expression }));
  }
  return { checks: checks.sort(byName), jsonColumns };
}
