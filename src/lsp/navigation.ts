import type { Location } from "vscode-languageserver";
import { Locator } from "./locations.js";
import type { ModelState } from "./schema-workspace.js";

/** Where the name at `offset` is declared: a referenced table or column, an enum type, a view's dependency. */
export function definition(state: ModelState, path: string, offset: number): Location | null {
  const found = state.index.at(path, offset);
  if (!found) return null;
  return new Locator(state).location(found.symbol.path, found.symbol.at);
}

/** Every place that names the symbol at `offset`, across the model's files, in file order. */
export function references(state: ModelState, path: string, offset: number, includeDeclaration: boolean): Location[] {
  const found = state.index.at(path, offset);
  if (!found) return [];
  const locator = new Locator(state);
  const { symbol } = found;
  const uses = state.index.usesOf(symbol.id).map((use) => ({ path: use.path, at: use.at }));
  const all = includeDeclaration ? [{ path: symbol.path, at: symbol.at }, ...uses] : uses;
  const order = [...state.texts.keys()];
  all.sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path) || a.at.startOffset - b.at.startOffset);
  return all.map((place) => locator.location(place.path, place.at));
}
