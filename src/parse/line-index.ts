/**
 * Lines and columns of offsets in one text. The syntax tree keeps offsets
 * only (a schema of 10,000 tables has over a million positions, and most are
 * never shown); the few that end up in a diagnostic or decide a blank line in
 * `fmt` are looked up here. Line breaks are `\n`, `\r\n` and a lone `\r`, as
 * the lexer's patterns count them.
 */
export class LineIndex {
  /** Offset where each line starts: line 1 at index 0. */
  readonly #starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.#starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.#starts.push(i + 1);
      }
    }
  }

  /** 1-based line of an offset; a line break belongs to the line it ends. */
  line(offset: number): number {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of an offset on its line. */
  column(offset: number): number {
    return offset - this.#starts[this.line(offset) - 1] + 1;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.#starts[line - 1];
    if (start === undefined) return "";
    let end = line < this.#starts.length ? this.#starts[line] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}
