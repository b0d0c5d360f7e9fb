import type { Command } from "../command.js";

export const lspCommand: Command = {
  name: "lsp",
  usage: "strata lsp [--stdio]",
  help: [
    "Runs a Language Server Protocol server on standard input and output, for",
    "editors: diagnostics as you type, hover, go to definition, references,",
    "completion, rename (with @renamedFrom), formatting and more, over every",
    ".schema file of the workspace as one model. Editors start it themselves;",
    "the VS Code extension in editors/vscode does.",
    "",
    "  --stdio   accepted for editors that pass it; stdio is the only transport",
  ].join("\n"),
  options: { stdio: { type: "boolean" } },
  async run(_args, context) {
    // Loaded here, so no other command pays for the protocol packages.
    const { runLanguageServer } = await import("../../lsp/server.js");
    await runLanguageServer(context.cwd);
    return 0;
  },
};
