import { parseArgs } from "node:util";
import type { Command, CommandContext } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { terminalContext } from "./standard-streams.js";
import { UserError } from "./user-error.js";

const EXIT_USAGE = 2;

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "strata: schema-as-code compiler and migration tool",
    "",
    "usage: strata <command> [options]   (strata <command> --help for its options)",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "exit codes: 0 success (no changes), 1 changes found (diff, check), 2 error",
  ].join("\n");
}

function commandHelp(command: Command): string {
  return `usage: ${command.usage}\n\n${command.help}`;
}

/** Runs one CLI invocation and returns the exit code; never throws. */
export async function main(argv: readonly string[], context: CommandContext = terminalContext()): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === "--help" || verb === "-h" || verb === "help") {
    context.out(mainHelp());
    return verb === undefined ? EXIT_USAGE : 0;
  }
  if (verb === "--version") {
    context.out("strata 0.1.0");
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === verb);
  if (!entry) {
    context.err(`strata: unknown command "${verb}"\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    context.out(commandHelp(command));
    return 0;
  }
  try {
    const parsed = parseArgs({ args: relativeTargetsAsPositionals(rest), options: command.options, allowPositionals: true, strict: true });
    const [min, max] = command.positionals ?? [0, 0];
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UserError(`wrong number of arguments\n\nusage: ${command.usage}`);
    }
    return await command.run(parsed as never, context);
  } catch (error) {
    return report(error, command, context);
  }
}

function report(error: unknown, command: Command, context: CommandContext): number {
  if (error instanceof UserError) {
    context.err(`strata ${command.name}: ${error.message}`);
    return error.exitCode;
  }
  // util.parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for bad flags.
  const code = (error as { code?: string }).code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
    context.err(`strata ${command.name}: ${(error as Error).message}\n\nusage: ${command.usage}`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  context.err(`strata ${command.name}: ${message}`);
  if (process.env.STRATA_DEBUG) context.err(String((error as Error).stack));
  else context.err("(set STRATA_DEBUG=1 to see where this came from)");
  return EXIT_USAGE;
}

/**
 * `strata downgrade -1` names a relative target, but parseArgs would read
 * `-1` as a flag: such arguments go after `--`, where only positionals live.
 */
function relativeTargetsAsPositionals(args: readonly string[]): string[] {
  const end = args.indexOf("--");
  const before = end < 0 ? [...args] : args.slice(0, end);
  const after = end < 0 ? [] : args.slice(end + 1);
  const relative = before.filter((a) => /^[+-]\d+$/.test(a));
  if (relative.length === 0) return [...args];
  return [...before.filter((a) => !relative.includes(a)), "--", ...relative, ...after];
}
