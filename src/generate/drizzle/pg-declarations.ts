import { camelCase, options, str } from "./js-names.js";
import type { GenerateContext } from "./generate-context.js";

/**
 * PostgreSQL's top-level objects besides tables, declared before them:
 * `pgSchema` for each named schema, `pgEnum` (or `schema.enum`) for each
 * enum, `pgSequence` for each sequence. Fills the context's variable maps
 * that table columns refer to.
 */
export function pgDeclarations(ctx: GenerateContext): string[] {
  const out: string[] = [];
  const schemas = ctx.metadata.schemas.filter((s): s is string => s !== undefined).sort();
  for (const schema of schemas) {
    const name = ctx.names.claim(`${camelCase(schema)}Schema`);
    ctx.schemaVars.set(schema, name);
    out.push(`export const ${name} = ${ctx.core("pgSchema")}(${str(schema)});\n`);
  }
  for (const enumDef of ctx.metadata.enums.values()) {
    const name = ctx.names.claim(`${camelCase(enumDef.name)}Enum`);
    ctx.enumVars.set(enumDef.key, name);
    const fn = enumDef.schema ? `${ctx.schemaVars.get(enumDef.schema)}.enum` : ctx.core("pgEnum");
    out.push(`export const ${name} = ${fn}(${str(enumDef.name)}, [${enumDef.values.map(str).join(", ")}]);\n`);
  }
  for (const sequence of ctx.metadata.sequences.values()) {
    const name = ctx.names.claim(`${camelCase(sequence.name)}Sequence`);
    const fn = sequence.schema ? `${ctx.schemaVars.get(sequence.schema)}.sequence` : ctx.core("pgSequence");
    if (sequence.ownedBy) {
      ctx.warn(
        `sequence ${sequence.key}`,
        `drizzle-orm has no OWNED BY; ownedBy "${sequence.ownedBy}" is not in the module`,
      );
    }
    const config = options({
      startWith: sequence.start,
      increment: sequence.increment,
      minValue: sequence.minValue,
      maxValue: sequence.maxValue,
      cache: sequence.cache,
      cycle: sequence.cycle,
    });
    out.push(`export const ${name} = ${fn}(${str(sequence.name)}${config});\n`);
  }
  return out;
}
