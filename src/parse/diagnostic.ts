import { isAbsolute, relative } from "node:path";
import { formatLocatedMessage, type LocatedMessage } from "../diagnostics/located-message.js";
import { LineIndex } from "./line-index.js";

/** A user mistake in a `.schema` file, located at a 1-based line and column. */
export interface Diagnostic extends LocatedMessage {
  /** Where the mistake ends: 1-based line and the column just past its last character. */
  readonly endLine: number;
  readonly endColumn: number;
}

/** Thrown by `loadSchema` when a schema does not compile; `message` is the printed diagnostics. */
export class SchemaError extends Error {
  override readonly name = "SchemaError";
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], message = formatDiagnostics(diagnostics)) {
    super(message);
    this.diagnostics = diagnostics;
  }
}

/** A file that cannot be read as a schema at all (binary, not UTF-8): no line or column to point at. */
export class SchemaFileError extends SchemaError {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super([], `${path}: ${problem}`);
  }
}

export interface FormatOptions {
  /** Paths under this folder print relative to it (the working folder, as a user typed them). */
  readonly relativeTo?: string;
  /** How many diagnostics print before "and N more" (a binary file or a broken generator makes hundreds). */
  readonly limit?: number;
}

export const DEFAULT_DIAGNOSTIC_LIMIT = 20;

/** `FILE:LINE:COL: message`, then the source line and a caret under the column; at most `limit`, then "and N more". */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  const limit = options.limit ?? DEFAULT_DIAGNOSTIC_LIMIT;
  const shown = diagnostics
    .slice(0, limit)
    .map((d) => formatLocatedMessage(d, options.relativeTo === undefined ? d.path : displayPath(d.path, options.relativeTo)));
  const rest = diagnostics.length - shown.length;
  if (rest > 0) shown.push(`and ${rest} more error${rest === 1 ? "" : "s"}`);
  return shown.join("\n");
}

/** `path` as a user in `folder` would type it: relative when it is under the folder, else as it is. */
export function displayPath(path: string, folder: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(folder, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** One diagnostic as it was reported (see DiagnosticBag.recording). */
export interface Report {
  readonly path: string;
  readonly offset: number;
  readonly message: string;
  readonly endOffset: number;
}

/**
 * Collects diagnostics for a set of source files: each is reported at an
 * offset and gets its line, column and source line here (a file's line
 * index is built at its first diagnostic).
 */
export class DiagnosticBag {
  readonly #lines = new Map<string, LineIndex>();
  readonly #texts: Map<string, string>;
  readonly items: Diagnostic[] = [];
  #recording?: Report[];

  constructor(sources: ReadonlyArray<{ readonly path: string; readonly text: string }>) {
    this.#texts = new Map(sources.map((s) => [s.path, s.text]));
  }

  /**
   * A mistake from `offset` up to `endOffset` (exclusive); without an end,
   * the word or the one character at `offset` (editors underline the range).
   */
  report(path: string, offset: number, message: string, endOffset = wordEnd(this.#texts.get(path) ?? "", offset)): void {
    this.#recording?.push({ path, offset, message, endOffset });
    let lines = this.#lines.get(path);
    if (!lines) {
      lines = new LineIndex(this.#texts.get(path) ?? "");
      this.#lines.set(path, lines);
    }
    const line = lines.line(offset);
    const end = Math.max(offset, endOffset);
    this.items.push({
      path,
      line,
      column: lines.column(offset),
      endLine: lines.line(end),
      endColumn: lines.column(end),
      message,
      sourceLine: lines.lineText(line),
    });
  }

  /**
   * Runs `fn` and returns what it reported, as reported (offsets, not
   * lines): a later compile of the same declaration reports them again with
   * `replay`, placed in the text as it is then.
   */
  recording(fn: () => void): Report[] {
    const outer = this.#recording;
    const reports: Report[] = [];
    this.#recording = reports;
    try {
      fn();
    } finally {
      this.#recording = outer;
      outer?.push(...reports);
    }
    return reports;
  }

  replay(reports: readonly Report[]): void {
    for (const r of reports) this.report(r.path, r.offset, r.message, r.endOffset);
  }

  get hasErrors(): boolean {
    return this.items.length > 0;
  }

  /** In file order (as given), then by position. */
  sorted(): Diagnostic[] {
    const order = new Map([...this.#texts.keys()].map((p, i) => [p, i]));
    return [...this.items].sort(
      (a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0) || a.line - b.line || a.column - b.column,
    );
  }
}

const WORD = /[\p{L}\p{N}_$]/u;

/** Just past the word at `offset`, or past its one character; `offset` itself at a line break or the end. */
function wordEnd(text: string, offset: number): number {
  if (offset >= text.length || text[offset] === "\n" || text[offset] === "\r") return offset;
  if (!WORD.test(text[offset]!)) return offset + 1;
  let end = offset + 1;
  while (end < text.length && WORD.test(text[end]!)) end++;
  return end;
}
