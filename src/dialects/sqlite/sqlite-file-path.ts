/**
 * The file a `file:` URL names, as libSQL opens it (`file:./dev.db`,
 * `file:dev.db`, `file:///abs/dev.db`); undefined for other URLs and for
 * in-memory databases.
 */
export function sqliteFilePath(url: string): string | undefined {
  if (!url.startsWith("file:")) return undefined;
  let path = url.slice("file:".length).replace(/[?#].*$/, "");
  if (path.startsWith("//")) path = path.slice(path.indexOf("/", 2));
  path = decodeURIComponent(path);
  return path === "" || path === ":memory:" ? undefined : path;
}
