import type { IToken, TokenType } from "chevrotain";
import { ALL_TOKENS, Identifier } from "./tokens.js";

/**
 * The tokens of one file as numbers: type, start and end offset, in typed
 * arrays that grow as the lexer appends. Chevrotain's parser wants token
 * objects; `tokens(from, to)` makes them for one stretch at a time, so a
 * large schema is parsed a declaration at a time and each declaration's
 * tokens die young (an object that lives through a compile is copied by the
 * garbage collector, a young one costs next to nothing).
 */
export class TokenStream {
  length = 0;
  #types: Uint8Array;
  #starts: Int32Array;
  /** Offset just past the last character. */
  #ends: Int32Array;
  /** Names are shared strings: a schema repeats a few hundred words thousands of times. */
  readonly #words = new Map<string, string>();

  constructor(readonly text: string) {
    // A schema has a token every five or six characters: room for that, grown when a file is denser.
    const capacity = Math.max(64, text.length >> 2);
    this.#types = new Uint8Array(capacity);
    this.#starts = new Int32Array(capacity);
    this.#ends = new Int32Array(capacity);
  }

  push(type: TokenType, start: number, end: number): void {
    if (this.length === this.#types.length) this.#grow();
    this.#types[this.length] = type.tokenTypeIdx!;
    this.#starts[this.length] = start;
    this.#ends[this.length] = end;
    this.length++;
  }

  type(index: number): TokenType {
    return TYPES_BY_INDEX[this.#types[index]];
  }

  /** Offset of the first character of token `index`. */
  start(index: number): number {
    return this.#starts[index];
  }

  /** Offset just past the last character of token `index`. */
  end(index: number): number {
    return this.#ends[index];
  }

  /** Token objects for the tokens from `from` up to (not including) `to`. */
  tokens(from = 0, to = this.length): IToken[] {
    const tokens: IToken[] = new Array(to - from);
    for (let i = from; i < to; i++) tokens[i - from] = this.#token(i);
    return tokens;
  }

  #token(index: number): IToken {
    const type = TYPES_BY_INDEX[this.#types[index]];
    const start = this.#starts[index];
    const end = this.#ends[index];
    let image = typeof type.PATTERN === "string" ? type.PATTERN : this.text.slice(start, end);
    if (type === Identifier) {
      const known = this.#words.get(image);
      if (known === undefined) this.#words.set(image, image);
      else image = known;
    }
    return makeToken(type, image, start, end - 1);
  }

  #grow(): void {
    const size = this.#types.length * 2;
    const grow = <A extends Uint8Array | Int32Array>(from: A, to: A): A => (to.set(from), to);
    this.#types = grow(this.#types, new Uint8Array(size));
    this.#starts = grow(this.#starts, new Int32Array(size));
    this.#ends = grow(this.#ends, new Int32Array(size));
  }
}

const TYPES_BY_INDEX: TokenType[] = [];
for (const type of ALL_TOKENS) TYPES_BY_INDEX[type.tokenTypeIdx!] = type;
if (TYPES_BY_INDEX.length > 256) throw new Error("grammar/token-stream.ts: token type indexes no longer fit in a byte");

/**
 * Tokens carry offsets only: lines and columns are looked up for the few
 * positions a diagnostic shows (src/parse/line-index.ts). One shape for all
 * tokens: Chevrotain's own (end of input, tokens inserted by error recovery)
 * have other fields, so these keep a hidden class of their own, with offsets
 * stored inline as small integers rather than boxed like Chevrotain's NaNs.
 */
export function makeToken(tokenType: TokenType, image: string, startOffset: number, endOffset: number): IToken {
  return { tokenType, tokenTypeIdx: tokenType.tokenTypeIdx!, image, startOffset, endOffset };
}
