/**
 * A script written for the mysql/mariadb command-line client, as the
 * pieces a driver can send: `DELIMITER $$` is the client's, not the
 * server's, so each stretch under a custom delimiter is cut into its
 * statements, and each stretch under `;` goes whole (as several statements).
 * A backslash ending a line is the client's too: it drops it, keeping the
 * line break (Kea's scripts have them inside procedure bodies).
 */
export function clientScriptPieces(script: string): string[] {
  const pieces: string[] = [];
  let delimiter = ";";
  let stretch: string[] = [];
  const flush = () => {
    const text = stretch.join("\n");
    stretch = [];
    if (delimiter === ";") {
      if (text.trim()) pieces.push(text);
      return;
    }
    for (const statement of text.split(delimiter)) if (statement.trim()) pieces.push(statement);
  };
  for (const line of script.replace(/\\\n/g, "\n").split("\n")) {
    const directive = /^\s*DELIMITER\s+(\S+)\s*$/i.exec(line);
    if (!directive) {
      stretch.push(line);
      continue;
    }
    flush();
    delimiter = directive[1];
  }
  flush();
  return pieces;
}
