/**
 * A line of progress on the terminal for work that takes a while (reading
 * and comparing a large database, rendering a migration, running one), with
 * the time it has taken so far. It goes to stderr, and only to a person at
 * a terminal: never when stderr is a pipe or a file, under --json, with
 * CI=true, NO_COLOR set or TERM=dumb, so scripts and logs never see it.
 * yocto-spinner draws it, and keeps it below what other output prints.
 */
import yoctoSpinner from "yocto-spinner";
import type { CommandContext } from "./command.js";
import { terminalContext } from "./standard-streams.js";

export interface Progress {
  /** Says what is being done now. */
  update(text: string): void;
  /** Removes the line. */
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

/** Whether progress may be drawn for this command: see the module comment. */
export function progressAllowed(context: CommandContext, env: NodeJS.ProcessEnv = process.env, json = false): boolean {
  return (
    context === terminalContext() &&
    process.stderr.isTTY === true &&
    !json &&
    env.CI !== "true" &&
    env.NO_COLOR === undefined &&
    env.TERM !== "dumb"
  );
}

/** A progress line for `context`, or one that draws nothing where progress is not allowed. */
export function startProgress(context: CommandContext, options: { json?: boolean } = {}): Progress {
  if (!progressAllowed(context, process.env, options.json)) return SILENT;
  const started = performance.now();
  let text = "";
  // Ctrl-C is the migration runner's to handle (see interruptible.ts), not the spinner's.
  const spinner = yoctoSpinner({ stream: process.stderr, handleSignals: false }).start();
  const render = () => {
    spinner.text = `${text} · ${Math.floor((performance.now() - started) / 1000)} s`;
  };
  const clock = setInterval(render, 1000);
  clock.unref();
  return {
    update(next) {
      text = next;
      render();
    },
    done() {
      clearInterval(clock);
      spinner.stop();
    },
  };
}
