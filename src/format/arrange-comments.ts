import type { Comment, Pos } from "../../grammar/ast.js";

export type Element<M> =
  | { readonly kind: "member"; readonly member: M; readonly trailing: readonly string[]; readonly blankBefore: boolean }
  | { readonly kind: "comment"; readonly text: string; readonly blankBefore: boolean };

/** The line of an offset in the text being formatted. */
export type LineOf = (offset: number) => number;

export interface Arranged<M> {
  readonly elements: Element<M>[];
  /** Comments inside each member, for members that print their own insides (declarations). */
  readonly inner: ReadonlyMap<M, Comment[]>;
}

/**
 * Places the comments of one container (a file, a table body, ...) among its
 * members: a comment on the line where a member ends trails that member, a
 * comment inside a member belongs to it, any other stands on its own line.
 * Blank lines between elements are kept (at most one), as the source had them.
 *
 * `keepInner` says which members print their inner comments themselves;
 * the others get them appended as trailing comments.
 */
export function arrangeComments<M extends Pos & { readonly blankLineBefore?: boolean }>(
  members: readonly M[],
  comments: readonly Comment[],
  lineOf: LineOf,
  keepInner: (member: M) => boolean = () => false,
): Arranged<M> {
  const inner = new Map<M, Comment[]>();
  const loose: Comment[] = [];
  let m = 0;
  for (const c of comments) {
    while (m < members.length && members[m].endOffset < c.startOffset) m++;
    const owner = members[m];
    if (owner && owner.startOffset <= c.startOffset) {
      const list = inner.get(owner) ?? [];
      list.push(c);
      inner.set(owner, list);
    } else loose.push(c);
  }

  type Mutable = { kind: "member"; member: M; trailing: string[]; blankBefore: boolean } | { kind: "comment"; text: string; blankBefore: boolean };
  const elements: Mutable[] = [];
  let lastEndLine: number | undefined;
  let lastMember: Extract<Mutable, { kind: "member" }> | undefined;
  const blank = (line: number) => lastEndLine !== undefined && line - lastEndLine > 1;
  let i = 0;
  let j = 0;
  while (i < members.length || j < loose.length) {
    const member = members[i];
    const comment = loose[j];
    if (member && (!comment || member.startOffset < comment.startOffset)) {
      const own = keepInner(member) ? [] : (inner.get(member) ?? []).map((c) => commentText(c));
      const el = {
        kind: "member" as const,
        member,
        trailing: own,
        blankBefore: elements.length > 0 && (member.blankLineBefore ?? blank(lineOf(member.startOffset))),
      };
      elements.push(el);
      lastMember = el;
      lastEndLine = lineOf(member.endOffset);
      i++;
    } else {
      if (lastMember && elements[elements.length - 1] === lastMember && lineOf(comment.startOffset) === lastEndLine) {
        lastMember.trailing.push(commentText(comment));
      } else {
        elements.push({ kind: "comment", text: commentText(comment), blankBefore: elements.length > 0 && blank(lineOf(comment.startOffset)) });
        lastMember = undefined;
      }
      lastEndLine = lineOf(comment.endOffset);
      j++;
    }
  }
  return { elements, inner };
}

/** Line comments lose trailing spaces; block comments print as written, with `\n` line breaks. */
export function commentText(comment: Comment): string {
  return comment.text.startsWith("//") ? comment.text.trimEnd() : comment.text.replace(/\r\n?/g, "\n");
}
