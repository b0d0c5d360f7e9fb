/**
 * The CLI's stdout and stderr. A reader that goes away early
 * (`strata check | head -1`) closes the pipe: later writes fail with EPIPE,
 * which Node reports as an 'error' event that would end the process with a
 * stack trace and exit 1 (for `check`, a false "drift"). Here a closed stream
 * just stops taking text, and the command finishes with its own exit code.
 */
import type { CommandContext } from "./command.js";

type Writer = (text: string) => void;

function lineWriter(stream: NodeJS.WriteStream): Writer {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return (text) => {
    if (closed || stream.destroyed) return;
    stream.write(text.endsWith("\n") ? text : `${text}\n`);
  };
}

let terminal: CommandContext | undefined;

/** The process's own streams, made once (each stream gets one error listener). */
export function terminalContext(): CommandContext {
  terminal ??= { cwd: process.cwd(), out: lineWriter(process.stdout), err: lineWriter(process.stderr) };
  return terminal;
}
