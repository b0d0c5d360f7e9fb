/** Schema mutations for the fuzz tests, driven by a seeded generator (random.ts) so a failure can be replayed. */
import { tokenize } from "../../grammar/lexer.js";

/** Bytes that break a schema in interesting ways: quotes, brackets, comment markers, non-ASCII, NUL. */
const NOISE = ['"', "'", "{", "}", "(", ")", "[", "]", "@", "@@", ",", ":", "=", ".", "?", "/*", "*/", "//", "\n", "\\", "-", "é", "\u0000", "💥", "\t", "0", "table", "sql(", "\r\n"];

/** Deletes, duplicates or swaps tokens, or inserts noise: one to three times. */
export function mutate(text: string, rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let out = text;
  const rounds = 1 + Math.floor(rand() * 3);
  for (let r = 0; r < rounds; r++) {
    const tokens = tokenize(out).stream.tokens();
    const op = Math.floor(rand() * 4);
    if (tokens.length < 2 || op === 3) {
      const at = Math.floor(rand() * (out.length + 1));
      const bytes = Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
        rand() < 0.5 ? pick(NOISE) : String.fromCharCode(Math.floor(rand() * 128)),
      ).join("");
      out = out.slice(0, at) + bytes + out.slice(at);
      continue;
    }
    const a = pick(tokens);
    const span = (t: typeof a) => [t.startOffset, t.endOffset! + 1] as const;
    const [as, ae] = span(a);
    if (op === 0) out = out.slice(0, as) + out.slice(ae);
    else if (op === 1) out = out.slice(0, ae) + " " + out.slice(as, ae) + out.slice(ae);
    else {
      const b = pick(tokens);
      const [bs, be] = span(b);
      if (bs === as) continue;
      const [first, second] = as < bs ? [[as, ae], [bs, be]] : [[bs, be], [as, ae]];
      out =
        out.slice(0, first[0]) +
        out.slice(second[0], second[1]) +
        out.slice(first[1], second[0]) +
        out.slice(first[0], first[1]) +
        out.slice(second[1]);
    }
  }
  return out;
}
