import { resolve } from "node:path";
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import { didYouMeanFixes } from "./code-actions.js";
import { completions } from "./completion.js";
import { diagnosticsByFile } from "./diagnostics.js";
import { documentSymbols } from "./document-symbols.js";
import { formatDocument } from "./formatting.js";
import { hoverText, syntaxHoverText } from "./hover.js";
import { Locator } from "./locations.js";
import { definition, references } from "./navigation.js";
import { pathOf, uriOf } from "./positions.js";
import { renameEdit, RenameRefused, renameTarget } from "./rename.js";
import { SchemaWorkspace, type ModelState } from "./schema-workspace.js";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./semantic-tokens.js";
import { syntaxAt } from "./syntax-at.js";

/** How long typing must pause before the model is compiled again, when it goes on right after a compile. */
const DEBOUNCE_MS = 25;

/**
 * `strata lsp`: a Language Server Protocol server over stdio. Every model
 * of the workspace is compiled with the CLI's compiler; its diagnostics are
 * published for every file (open or not) after each pause in typing.
 */
export function runLanguageServer(cwd: string): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  let workspace = new SchemaWorkspace([], () => undefined, () => []);
  /**
   * What each model last published, by file (its text then, its diagnostics
   * as sent): a file that left the model is cleared, and a file whose text
   * and diagnostics are what they were is not sent again (an edit in one
   * file of a large model leaves the others' diagnostics as they are).
   */
  const published = new Map<string, ReadonlyMap<string, { readonly text: string; readonly sent: string }>>();
  const timers = new Map<string, NodeJS.Timeout>();

  const openText = (path: string) => documents.get(uriOf(path))?.getText();
  const openPaths = () => documents.keys().map(pathOf);

  const compileAndPublish = (root: string): ModelState => {
    const state = workspace.compile(root);
    const before = published.get(root) ?? new Map();
    const now = new Map<string, { text: string; sent: string }>();
    for (const path of before.keys()) if (!state.texts.has(path)) void connection.sendDiagnostics({ uri: uriOf(path), diagnostics: [] });
    for (const [path, diagnostics] of diagnosticsByFile(state)) {
      const text = state.texts.get(path)!;
      const sent = JSON.stringify(diagnostics);
      const last = before.get(path);
      if (last?.text !== text || last.sent !== sent) void connection.sendDiagnostics({ uri: uriOf(path), diagnostics });
      now.set(path, { text, sent });
    }
    published.set(root, now);
    return state;
  };
  /** When each model's latest compile ended. */
  const compiledAt = new Map<string, number>();
  /**
   * An edit after a pause is compiled at once (on the next turn of the event
   * loop, so the changes that came together are taken together); edits that
   * follow within DEBOUNCE_MS of the last compile wait for typing to pause.
   */
  const schedule = (root: string) => {
    clearTimeout(timers.get(root));
    const paused = performance.now() - (compiledAt.get(root) ?? -Infinity) >= DEBOUNCE_MS;
    timers.set(root, setTimeout(() => {
      timers.delete(root);
      // A failure here has no request to answer: it goes to the editor's log, and the server stays up.
      try {
        compileAndPublish(root);
      } catch (error) {
        connection.console.error(`strata: ${(error as Error).message}`);
      } finally {
        compiledAt.set(root, performance.now());
      }
    }, paused ? 0 : DEBOUNCE_MS));
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
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ["@", ".", "(", "[", " "] },
        renameProvider: { prepareProvider: true },
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: ["quickfix"] },
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

  /** The model of the file a request is about, with the request's position as an offset in it. */
  const at = (uri: string, position?: { line: number; character: number }) => {
    const state = stateOf(uri);
    const path = pathOf(uri);
    const locator = new Locator(state);
    const offset = position ? locator.document(path).offsetAt(position) : 0;
    return { state, path, locator, offset };
  };

  connection.onHover((params) => {
    const { state, path, locator, offset } = at(params.textDocument.uri, params.position);
    const found = state.index.at(path, offset);
    if (found) return { contents: { kind: "markdown", value: hoverText(state, found.symbol) }, range: locator.range(path, found.at) };
    const file = state.compile.files.get(path);
    const syntax = file && syntaxAt(file, state.texts.get(path)!, offset, (parts) => state.index.keyOf(parts));
    const value = syntax && syntaxHoverText(state, syntax);
    return value ? { contents: { kind: "markdown", value }, range: locator.range(path, syntax.at) } : null;
  });
  connection.onDefinition((params) => {
    const { state, path, offset } = at(params.textDocument.uri, params.position);
    return definition(state, path, offset);
  });
  connection.onReferences((params) => {
    const { state, path, offset } = at(params.textDocument.uri, params.position);
    return references(state, path, offset, params.context.includeDeclaration);
  });
  connection.onCompletion((params) => {
    const { state, path, locator } = at(params.textDocument.uri);
    return completions(state, locator.document(path), path, params.position);
  });
  connection.onPrepareRename((params) => {
    const { state, path, offset } = at(params.textDocument.uri, params.position);
    const target = renameTarget(state, path, offset);
    return target ? { range: target.range, placeholder: target.symbol.name } : null;
  });
  connection.onRenameRequest((params) => {
    const { state, path, offset } = at(params.textDocument.uri, params.position);
    const target = renameTarget(state, path, offset);
    if (!target) throw new ResponseError(ErrorCodes.InvalidRequest, "only tables and columns can be renamed");
    try {
      return renameEdit(state, target.symbol, params.newName);
    } catch (error) {
      if (error instanceof RenameRefused) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
      throw error;
    }
  });
  connection.onDocumentFormatting((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? formatDocument(document, pathOf(params.textDocument.uri)) : [];
  });
  connection.onDocumentSymbol((params) => {
    const { state, path, locator } = at(params.textDocument.uri);
    const syntax = state.syntaxOf(path);
    return syntax ? documentSymbols(syntax.file, locator) : [];
  });
  connection.languages.semanticTokens.on((params) => {
    const { state, path, locator } = at(params.textDocument.uri);
    const syntax = state.syntaxOf(path);
    return syntax ? semanticTokens(syntax.file, syntax.index, locator.document(path)) : { data: [] };
  });
  connection.onCodeAction((params) => {
    const { path, locator } = at(params.textDocument.uri);
    return didYouMeanFixes(locator.document(path), params.context.diagnostics);
  });

  documents.listen(connection);
  connection.listen();
  return new Promise((done) => connection.onExit(() => done()));
}
