import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Diagnostic } from "../parse/index.js";
import type { ModelState } from "./schema-workspace.js";

/** A compiler diagnostic as the editor shows it: the same message, over the range the compiler located. */
export function toLspDiagnostic(d: Diagnostic, severity: DiagnosticSeverity = DiagnosticSeverity.Error): LspDiagnostic {
  return {
    range: {
      start: { line: d.line - 1, character: d.column - 1 },
      end: { line: d.endLine - 1, character: d.endColumn - 1 },
    },
    severity,
    source: "strata",
    message: d.message,
  };
}

/** Every file of the model with its diagnostics, an empty list for a clean file (which clears it in the editor). */
export function diagnosticsByFile(state: ModelState): Map<string, LspDiagnostic[]> {
  const byFile = new Map<string, LspDiagnostic[]>([...state.texts.keys()].map((path) => [path, []]));
  for (const d of state.compile.diagnostics) byFile.get(d.path)?.push(toLspDiagnostic(d));
  for (const d of state.compile.warnings) byFile.get(d.path)?.push(toLspDiagnostic(d, DiagnosticSeverity.Warning));
  return byFile;
}
