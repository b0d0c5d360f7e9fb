/** A message about one place in a source file, at a 1-based line and column. */
export interface LocatedMessage {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The source line, so the message prints with a caret without reading the file again. */
  readonly sourceLine: string;
}

/** Source lines longer than this print as a window around the caret. */
const SHOWN_LINE = 120;

/**
 * `FILE:LINE:COL: message`, then the source line and a caret under the
 * column: the one shape every located mistake prints in, whether it is in a
 * `.schema` file or in a migration or config strata loads. `shownPath` is
 * the path as the user should read it (relative to the working folder).
 */
export function formatLocatedMessage(located: LocatedMessage, shownPath = located.path): string {
  const { text, caretAt } = windowAround(located.sourceLine, located.column - 1);
  // Keep tabs in the caret's indent so it lines up under tabbed source.
  const indent = text.slice(0, caretAt).replace(/[^\t]/g, " ");
  return `${shownPath}:${located.line}:${located.column}: ${located.message}\n${text}\n${indent}^`;
}

/** A long line cut to SHOWN_LINE characters around `column` (0-based), marked with … where cut. */
function windowAround(line: string, column: number): { text: string; caretAt: number } {
  if (line.length <= SHOWN_LINE) return { text: line, caretAt: column };
  const start = Math.max(0, Math.min(column - SHOWN_LINE / 2, line.length - SHOWN_LINE));
  const end = start + SHOWN_LINE;
  const head = start > 0 ? "…" : "";
  const tail = end < line.length ? "…" : "";
  return { text: `${head}${line.slice(start, end)}${tail}`, caretAt: column - start + head.length };
}
