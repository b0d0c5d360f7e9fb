// Starts `strata lsp` from the workspace's own node_modules, so the editor
// always runs the compiler version the project pins.
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

function strataBin(folder) {
  const name = process.platform === "win32" ? "strata.cmd" : "strata";
  const bin = join(folder, "node_modules", ".bin", name);
  return existsSync(bin) ? bin : undefined;
}

async function activate(context) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const bin = folder && strataBin(folder);
  if (!bin) {
    void vscode.window.showWarningMessage(
      "strata: no node_modules/.bin/strata in this workspace; install strata (npm install --save-dev strata) to get diagnostics, hover and completion for .schema files.",
    );
    return;
  }
  const watcher = vscode.workspace.createFileSystemWatcher("**/*.schema");
  context.subscriptions.push(watcher);
  client = new LanguageClient(
    "strata",
    "strata",
    { command: bin, args: ["lsp", "--stdio"], options: { cwd: folder, shell: process.platform === "win32" } },
    { documentSelector: [{ scheme: "file", language: "strata-schema" }], synchronize: { fileEvents: watcher } },
  );
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
