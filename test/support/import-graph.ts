import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";

/**
 * The import graph of the project's own TypeScript sources, read as text:
 * every relative module named by `import … from`, `export … from`, a bare
 * `import "…"` or a literal `import("…")`, type-only imports included (they
 * are dependencies too). The common tools for this (madge,
 * dependency-cruiser) parse TypeScript through the compiler's JavaScript
 * API, which TypeScript 7 no longer ships, so the graph is read here.
 */
export interface ImportGraph {
  /** Paths relative to the root, with `/` separators. */
  readonly files: readonly string[];
  /** file → the files it imports. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
}

const IMPORT = /\b(?:import|export)\s[^;"'`]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

export function readImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const files = folders
    .flatMap((folder) => readdirSync(join(root, folder), { recursive: true }).map((f) => posix.join(folder, String(f).split("\\").join("/"))))
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const known = new Set(files);
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const match of readFileSync(join(root, file), "utf8").matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (!specifier.startsWith(".")) continue;
      const target = relative(root, join(root, dirname(file), specifier)).split("\\").join("/").replace(/\.js$/, ".ts");
      if (known.has(target)) targets.add(target);
    }
    imports.set(file, [...targets].sort());
  }
  return { files, imports };
}

/** The strongly connected components with more than one file (import circles), by Tarjan's algorithm. */
export function importCircles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.imports.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1) circles.push(component.sort());
  };
  for (const file of graph.files) if (!index.has(file)) visit(file);
  return circles;
}
