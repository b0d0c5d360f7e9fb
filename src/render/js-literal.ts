/** Code that goes into a literal as written (a builder call inside an options object). */
export class Code {
  constructor(readonly text: string) {}
}

/**
 * A JavaScript literal for a plain value: strings, numbers, booleans, null,
 * arrays, objects (keys quoted only when they must be) and `Code`.
 * `undefined` properties are left out, so optional fields never show up as noise.
 */
export function jsLiteral(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (value instanceof Code) return value.text;
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return String(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map(jsLiteral).join(", ")}]`;
      const parts = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${isIdentifier(k) ? k : JSON.stringify(k)}: ${jsLiteral(v)}`);
      return parts.length ? `{ ${parts.join(", ")} }` : "{}";
    }
    default:
      throw new TypeError(`cannot write ${typeof value} as a literal`);
  }
}

/** True when `name` can be written bare (a property key, `prefix.name`). */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** `fn(a, b)` with literal arguments, trailing undefined ones dropped. */
export function call(callee: string, ...args: unknown[]): string {
  while (args.length && args[args.length - 1] === undefined) args.pop();
  return `${callee}(${args.map(jsLiteral).join(", ")})`;
}

/** An options object, or undefined when it would be empty (so `call` drops it). */
export function optionsArg(fields: Record<string, unknown>): Record<string, unknown> | undefined {
  return Object.values(fields).some((v) => v !== undefined) ? fields : undefined;
}

/** A string that spans lines as a template literal, so a body reads as written; others as `jsLiteral` writes them. */
export function textLiteral(value: string): Code {
  if (!value.includes("\n")) return new Code(jsLiteral(value));
  return new Code(`\`${value.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${").replace(/\r/g, "\\r")}\``);
}
