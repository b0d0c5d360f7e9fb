import { LineIndex } from "./line-index.js";

/** A user mistake in a `.schema` file, located at a 1-based line and column. */
export interface Diagnostic {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The source line, so the diagnostic prints with a caret without the file. */
  readonly sourceLine: string;
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

/** `FILE:LINE:COL: message`, then the source line and a caret under the column. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      // Keep tabs in the caret's indent so it lines up under tabbed source.
      const indent = d.sourceLine.slice(0, Math.max(0, d.column - 1)).replace(/[^\t]/g, " ");
      return `${d.path}:${d.line}:${d.column}: ${d.message}\n${d.sourceLine}\n${indent}^`;
    })
    .join("\n");
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

  constructor(sources: ReadonlyArray<{ readonly path: string; readonly text: string }>) {
    this.#texts = new Map(sources.map((s) => [s.path, s.text]));
  }

  report(path: string, offset: number, message: string): void {
    let lines = this.#lines.get(path);
    if (!lines) {
      lines = new LineIndex(this.#texts.get(path) ?? "");
      this.#lines.set(path, lines);
    }
    const line = lines.line(offset);
    this.items.push({ path, line, column: lines.column(offset), message, sourceLine: lines.lineText(line) });
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
