import type { Constraint, Table } from "../../model/index.js";

/**
 * MySQL's names for constraints created without one: `<table>_ibfk_<n>` for
 * a foreign key and `<table>_chk_<n>` for a check (n one past the highest
 * already taken, as InnoDB and MySQL 8 count), and for a unique key its first
 * column, then `<column>_2`, `<column>_3`. (MariaDB names unnamed checks
 * `CONSTRAINT_<n>`; strata writes MySQL's names on both, so the two servers
 * end with one catalog.) The primary key is always PRIMARY.
 */
export function mysqlConstraintName(table: Table, constraint: Constraint, taken: ReadonlySet<string>): string {
  switch (constraint.kind) {
    case "primaryKey":
      return "PRIMARY";
    case "foreignKey":
      return numbered(`${table.name}_ibfk_`, taken);
    case "check":
      return numbered(`${table.name}_chk_`, taken);
    case "unique": {
      const [first] = constraint.columns;
      if (!taken.has(first)) return first;
      for (let n = 2; ; n++) if (!taken.has(`${first}_${n}`)) return `${first}_${n}`;
    }
  }
}

function numbered(prefix: string, taken: ReadonlySet<string>): string {
  let highest = 0;
  for (const name of taken) {
    if (!name.startsWith(prefix)) continue;
    const n = Number(name.slice(prefix.length));
    if (Number.isSafeInteger(n) && n > highest) highest = n;
  }
  return `${prefix}${highest + 1}`;
}
