import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";
import { strataBin } from "./strata-process.js";

/**
 * A real editor session: `strata lsp --stdio` as a child process, driven by
 * the protocol library's client side over its standard input and output,
 * in a project folder of its own.
 */
export class LspSession {
  /** The latest diagnostics published for each URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly #waiters: Array<() => void> = [];
  #versions = new Map<string, number>();
  stderr = "";
  /** What the server logged to the editor (window/logMessage). */
  log = "";

  private constructor(
    readonly cwd: string,
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.log += `${params.message}\n`;
    });
  }

  /** A project folder holding `files` (paths relative to it), with the server started and initialized in it. */
  static async start(files: Record<string, string>): Promise<LspSession> {
    const cwd = mkdtempSync(join(tmpdir(), "strata-lsp-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true });
      writeFileSync(join(cwd, path), text);
    }
    const child = spawn(process.execPath, [strataBin(), "lsp", "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(cwd, child, connection);
    child.stderr!.on("data", (chunk) => (session.stderr += chunk));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(cwd).href,
      workspaceFolders: [{ uri: pathToFileURL(cwd).href, name: "project" }],
      capabilities: {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.cwd, path)).href;
  }

  /** Waits until the diagnostics published for `path` satisfy `ready`, and returns them. */
  async diagnosticsOf(path: string, ready: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const uri = this.uri(path);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && ready(current)) return current;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${path} as expected; last: ${JSON.stringify(current)}\n${this.stderr}${this.log}`);
      await new Promise<void>((wake) => {
        this.#waiters.push(wake);
        setTimeout(wake, 500);
      });
    }
  }

  async open(path: string, text: string): Promise<void> {
    this.#versions.set(path, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri(path), languageId: "strata-schema", version: 1, text },
    });
  }

  /** Replaces an open document's text, as an editor does after an edit. */
  async change(path: string, text: string): Promise<void> {
    const version = (this.#versions.get(path) ?? 1) + 1;
    this.#versions.set(path, version);
    this.diagnostics.delete(this.uri(path));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri(path), version },
      contentChanges: [{ text }],
    });
  }

  /** Shuts the server down as an editor does; resolves with its exit code. Removes the project folder. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.on("exit", (code) => resolve(code)));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      return await exited;
    } finally {
      this.connection.dispose();
      rmSync(this.cwd, { recursive: true, force: true });
    }
  }
}

/** Runs `body` with a session over `files`, always stopping the server and removing the folder. */
export async function withSession(files: Record<string, string>, body: (session: LspSession) => Promise<void>): Promise<void> {
  const session = await LspSession.start(files);
  try {
    await body(session);
  } finally {
    if (session.child.exitCode === null) await session.stop();
  }
}
