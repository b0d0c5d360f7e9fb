import type { GenerateContext } from "./generate-context.js";

/** For dialects without sequences: each one the model holds is a warning, never silently left out. */
export function unsupportedSequences(ctx: GenerateContext): string[] {
  for (const sequence of ctx.metadata.sequences.values()) {
    ctx.warn(
      `sequence ${sequence.key}`,
      `drizzle-orm has no sequences for ${ctx.metadata.dialect}; the sequence is not in the module`,
    );
  }
  return [];
}
