import { formatType, typesEqual, type SqlType } from "../model/index.js";

/**
 * Whether changing a column from one type to another can lose data, as a
 * sentence. Widening changes (more length, more digits, a bigger integer,
 * varchar → text) are safe; everything else is flagged, including changes
 * between unrelated types, because their conversion may truncate or fail.
 */
export function typeChangeLoss(from: SqlType, to: SqlType): string | undefined {
  if (typesEqual(from, to)) return undefined;
  const reason = `${formatType(from)} → ${formatType(to)}`;
  if (from.kind !== "scalar" || to.kind !== "scalar") return `changes an enum type (${reason}); values may not convert`;
  if ((from.arrayDims ?? 0) !== (to.arrayDims ?? 0)) return `changes array dimensions (${reason}); values may not convert`;
  if (from.unsigned && !to.unsigned) return `narrows ${reason}: values above the signed range are lost`;
  if (!from.unsigned && to.unsigned) return `narrows ${reason}: negative values are lost`;
  if (isWidening(from.name, from.args, to.name, to.args)) return undefined;
  return `narrows or converts ${reason}; existing values may be truncated or fail to convert`;
}

const INTEGER_RANK: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 };
const FLOAT_RANK: Record<string, number> = { real: 1, double: 2 };
const TEXT_TYPES = new Set(["char", "varchar", "text"]);

function isWidening(fromName: string, fromArgs: readonly unknown[], toName: string, toArgs: readonly unknown[]): boolean {
  if (fromName in INTEGER_RANK) {
    if (toName in INTEGER_RANK) return INTEGER_RANK[toName] >= INTEGER_RANK[fromName];
    if (toName === "decimal") return toArgs.length === 0 || integerDigits(toArgs) >= ({ 1: 5, 2: 10, 3: 19 })[INTEGER_RANK[fromName]]!;
    return toName === "text";
  }
  if (fromName in FLOAT_RANK) return toName in FLOAT_RANK && FLOAT_RANK[toName] >= FLOAT_RANK[fromName];
  if (fromName === "decimal" && toName === "decimal") {
    if (toArgs.length === 0) return true;
    if (fromArgs.length === 0) return false;
    return integerDigits(toArgs) >= integerDigits(fromArgs) && scale(toArgs) >= scale(fromArgs);
  }
  if (TEXT_TYPES.has(fromName) && TEXT_TYPES.has(toName)) {
    if (toName === "text") return true;
    if (fromName === "text") return false;
    // char → varchar of at least the same length keeps every value (trailing blanks aside).
    return Number(toArgs[0] ?? Infinity) >= Number(fromArgs[0] ?? 1);
  }
  if (fromName === toName && ["timestamp", "timestamptz", "time"].includes(fromName)) {
    return Number(toArgs[0] ?? 6) >= Number(fromArgs[0] ?? 6);
  }
  if (fromName === "timestamp" && toName === "timestamptz") return true;
  // MySQL inline `enum(...)` / `set(...)`: keeping every old value keeps every row.
  if (fromName === toName && (fromName === "enum" || fromName === "set")) return fromArgs.every((v) => toArgs.includes(v));
  // A dialect-native type with parameters (`bit(8)`, `varbinary(16)`): more is wider.
  if (fromName === toName && fromArgs.length === toArgs.length) {
    return fromArgs.every((a, i) => typeof a === "number" && typeof toArgs[i] === "number" && (toArgs[i] as number) >= a);
  }
  return false;
}

function integerDigits(args: readonly unknown[]): number {
  return Number(args[0]) - scale(args);
}

function scale(args: readonly unknown[]): number {
  return Number(args[1] ?? 0);
}
