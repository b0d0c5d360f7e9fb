import type { Location, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Pos } from "../../grammar/ast.js";
import { documentOf, rangeOf, uriOf } from "./positions.js";
import type { ModelState } from "./schema-workspace.js";

/** Ranges in a model's files, each file's line table made once per answer. */
export class Locator {
  readonly #documents = new Map<string, TextDocument>();

  constructor(readonly state: ModelState) {}

  document(path: string): TextDocument {
    let document = this.#documents.get(path);
    if (!document) this.#documents.set(path, (document = documentOf(path, this.state.texts.get(path) ?? "")));
    return document;
  }

  range(path: string, pos: Pos): Range {
    return rangeOf(this.document(path), pos);
  }

  location(path: string, pos: Pos): Location {
    return { uri: uriOf(path), range: this.range(path, pos) };
  }
}
