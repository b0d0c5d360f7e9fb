/** `"user"`, `"say ""hi"""`: PostgreSQL identifiers are always quoted, so case and reserved words survive. */
export function quotePgIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
