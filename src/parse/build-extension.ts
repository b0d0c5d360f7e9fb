import { Extension } from "../model/index.js";
import type { ExtensionDecl } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import { readString } from "./read-args.js";
import { didYouMean } from "./suggest.js";

const EXTENSION_FIELDS = ["schema", "version"];

/**
 * `extension citext` or `extension "uuid-ossp" { schema = "ext"  version = "1.1" }`.
 * An extension has no schema of its own (its name is one word); `schema` is
 * where it puts its objects.
 */
export function buildExtension(ctx: BuildContext, decl: ExtensionDecl): Extension | undefined {
  if (!ctx.requires("extensions", decl)) return undefined;
  const parts = decl.name.parts;
  if (parts.length !== 1) {
    ctx.error(parts[1] ?? decl.name, 'an extension name is one name: say where its objects go with `schema = "..."`');
    return undefined;
  }
  const fields: Record<string, string> = {};
  let ok = true;
  for (const field of decl.fields) {
    const key = field.key.text;
    if (!EXTENSION_FIELDS.includes(key)) {
      ctx.error(field.key, `unknown extension setting "${key}"${didYouMean(key, EXTENSION_FIELDS)}`);
      ok = false;
    } else if (key in fields) {
      ctx.error(field.key, `duplicate extension setting "${key}"`);
      ok = false;
    } else {
      const value = readString(ctx, field.value);
      if (value === undefined) ok = false;
      else fields[key] = value;
    }
  }
  if (!ok) return undefined;
  // The default schema is the same as none, as for every other object.
  const schema = fields.schema === ctx.dialect?.defaultSchema ? undefined : fields.schema;
  return new Extension({ name: parts[0].text, schema, version: fields.version });
}
