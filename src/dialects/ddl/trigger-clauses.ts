import type { Trigger } from "../../model/index.js";
import type { DdlWriter } from "./ddl-writer.js";

/** `BEFORE`, `AFTER`, `INSTEAD OF`. */
export function triggerTiming(trigger: Trigger): string {
  return trigger.timing === "insteadOf" ? "INSTEAD OF" : trigger.timing.toUpperCase();
}

/** `INSERT OR UPDATE OF a, b`: the events as every dialect writes them (MySQL and SQLite take one). */
export function triggerEvents(w: DdlWriter, trigger: Trigger): string {
  return trigger.events
    .map((event) => (event === "update" && trigger.columns?.length ? `UPDATE OF ${trigger.columns.map((c) => w.q(c)).join(", ")}` : event.toUpperCase()))
    .join(" OR ");
}

/**
 * `CREATE TRIGGER name timing event ON table [FOR EACH ROW] [WHEN cond] body`:
 * MySQL's and SQLite's triggers, whose action is a statement (`BEGIN ... END`).
 * `rowAlways`: the dialect requires FOR EACH ROW (MySQL); SQLite writes it
 * only where the trigger said it.
 */
export function createBodyTrigger(w: DdlWriter, trigger: Trigger, rowAlways: boolean): string {
  let sql = `CREATE TRIGGER ${w.q(trigger.name)} ${triggerTiming(trigger)} ${triggerEvents(w, trigger)} ON ${w.name(trigger.schema, trigger.table)}`;
  if (rowAlways || trigger.forEach === "row") sql += " FOR EACH ROW";
  if (trigger.follows !== undefined) sql += ` FOLLOWS ${w.q(trigger.follows)}`;
  if (trigger.when !== undefined) sql += ` WHEN ${trigger.when}`;
  return `${sql}\n${trigger.body ?? ""}`;
}
