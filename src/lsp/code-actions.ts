import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";

/**
 * A quick fix for each diagnostic that suggests a name (`...; did you mean
 * "organization"?`): the misspelt word inside the diagnostic's range, which
 * the message quotes, becomes the suggestion.
 */
export function didYouMeanFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => {
    const message = typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
    const suggestion = /; did you mean "([^"]+)"\?/.exec(message)?.[1];
    if (suggestion === undefined) return [];
    const written = diagnostic.range;
    const text = document.getText(written);
    const quoted = [...message.slice(0, message.indexOf("; did you mean")).matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const word = quoted.find((q) => text.includes(q));
    if (word === undefined) return [];
    const start = document.offsetAt(written.start) + text.indexOf(word);
    const range = { start: document.positionAt(start), end: document.positionAt(start + word.length) };
    return [
      {
        title: `Change to "${suggestion}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri]: [{ range, newText: suggestion }] } },
      },
    ];
  });
}
