import { REFERENTIAL_ACTIONS, type ReferentialAction } from "../model/index.js";
import type { Pos, Value } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import { readBoolean, readString, readWord } from "./read-args.js";
import { readDeferrable } from "./read-deferrable.js";
import type { ForeignKeyOptions } from "./table-draft.js";

/** The named arguments `@references` and `@@foreignKey` share. */
export const FOREIGN_KEY_OPTIONS = ["onDelete", "onUpdate", "name", "deferrable", "initiallyDeferred", "match", "notValid"] as const;

export function readForeignKeyOptions(
  ctx: BuildContext,
  named: ReadonlyMap<string, Value>,
  pos: Pos,
): ForeignKeyOptions | undefined {
  let ok = true;
  const action = (key: string): ReferentialAction | undefined => {
    const v = named.get(key);
    if (!v) return undefined;
    const word = readWord(ctx, v, `${key} action`, REFERENTIAL_ACTIONS);
    if (word === undefined) ok = false;
    return word;
  };
  const flag = (key: string): boolean | undefined => {
    const v = named.get(key);
    if (!v) return undefined;
    const b = readBoolean(ctx, v);
    if (b === undefined) ok = false;
    return b;
  };
  const nameValue = named.get("name");
  const name = nameValue ? readString(ctx, nameValue) : undefined;
  if (nameValue && name === undefined) ok = false;
  // One shape for every foreign key (absent options are undefined): spreads
  // of optional keys gave each combination its own, slowing every reader.
  const deferral = readDeferrable(ctx, named, pos, "deferrableConstraints");
  if (!deferral) ok = false;
  const options: ForeignKeyOptions = {
    name,
    onDelete: action("onDelete"),
    onUpdate: action("onUpdate"),
    deferrable: deferral?.deferrable,
    initiallyDeferred: deferral?.initiallyDeferred,
    match: match(ctx, named.get("match")),
    notValid: flag("notValid"),
  };
  if (named.get("match") && options.match === undefined) ok = false;
  if (options.notValid && !ctx.requires("notValidConstraints", named.get("notValid")!)) ok = false;
  return ok ? options : undefined;
}

/** `match: full` (PostgreSQL); MATCH SIMPLE is the default and not written. */
function match(ctx: BuildContext, value: Value | undefined): "full" | undefined {
  if (!value || !ctx.requires("notValidConstraints", value)) return undefined;
  return readWord(ctx, value, "match type", ["full"] as const);
}
