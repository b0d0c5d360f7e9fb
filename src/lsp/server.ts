import { resolve } from "node:path";
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import { diagnosticsByFile } from "./diagnostics.js";
import { hoverText } from "./hover.js";
import { documentOf, pathOf, rangeOf, uriOf } from "./positions.js";
import { SchemaWorkspace, type ModelState } from "./schema-workspace.js";

/** How long typing must pause before the model is compiled again. */
const DEBOUNCE_MS = 40;

/**
 * `strata lsp`: a Language Server Protocol server over stdio. Every model
 * of the workspace is compiled with the CLI's compiler; its diagnostics are
 * published for every file (open or not) after each pause in typing.
 */
export function runLanguageServer(cwd: string): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  let workspace = new SchemaWorkspace([], () => undefined, () => []);
  /** The files each model last published diagnostics for: a file that left the model is cleared. */
  const published = new Map<string, readonly string[]>();
  const timers = new Map<string, NodeJS.Timeout>();

  const openText = (path: string) => documents.get(uriOf(path))?.getText();
  const openPaths = () => documents.keys().map(pathOf);

  const compileAndPublish = (root: string): ModelState => {
    const state = workspace.compile(root);
    const byFile = diagnosticsByFile(state);
    for (const path of published.get(root) ?? []) if (!byFile.has(path)) byFile.set(path, []);
    for (const [path, diagnostics] of byFile) void connection.sendDiagnostics({ uri: uriOf(path), diagnostics });
    published.set(root, [...state.texts.keys()]);
    return state;
  };
  const schedule = (root: string) => {
    clearTimeout(timers.get(root));
    timers.set(root, setTimeout(() => {
      timers.delete(root);
      compileAndPublish(root);
    }, DEBOUNCE_MS));
  };
  /** The model of a file as of now: a pending compile is done first, so answers match the text. */
  const stateOf = (uri: string): ModelState => {
    const root = workspace.modelRootOf(pathOf(uri));
    if (timers.has(root)) {
      clearTimeout(timers.get(root));
      timers.delete(root);
      return compileAndPublish(root);
    }
    return workspace.state(root) ?? compileAndPublish(root);
  };

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)) ?? (params.rootUri ? [pathOf(params.rootUri)] : [cwd]);
    const roots: string[] = [];
    let projectUrl: string | undefined;
    for (const folder of folders) {
      const loaded: LoadedConfig = await loadConfig(folder).catch((error: Error) => {
        connection.console.error(`strata: ${error.message}`);
        return { config: {}, root: folder };
      });
      roots.push(resolve(loaded.root, loaded.config.schema ?? "schemas"));
      projectUrl ??= loaded.config.url;
    }
    workspace = new SchemaWorkspace(roots, openText, openPaths, projectUrl);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
      },
      serverInfo: { name: "strata" },
    };
  });

  // Unopened files get their diagnostics too: every model of the workspace is compiled at the start.
  connection.onInitialized(() => {
    for (const root of workspace.schemaRoots) compileAndPublish(root);
  });

  documents.onDidChangeContent((change) => schedule(workspace.modelRootOf(pathOf(change.document.uri))));
  // A closed file is read from disk again: its unsaved text no longer counts.
  documents.onDidClose((change) => schedule(workspace.modelRootOf(pathOf(change.document.uri))));
  connection.onDidChangeWatchedFiles((change) => {
    const roots = new Set(change.changes.map((c) => workspace.modelRootOf(pathOf(c.uri))));
    for (const root of roots) schedule(root);
  });

  connection.onHover((params) => {
    const state = stateOf(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    const text = state.texts.get(path);
    if (text === undefined) return null;
    const document = documentOf(path, text);
    const found = state.index.at(path, document.offsetAt(params.position));
    if (!found) return null;
    return { contents: { kind: "markdown", value: hoverText(state, found.symbol) }, range: rangeOf(document, found.at) };
  });

  documents.listen(connection);
  connection.listen();
  return new Promise((done) => connection.onExit(() => done()));
}
