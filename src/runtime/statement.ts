/**
 * One SQL statement the runtime sends or prints. The shape matches what the
 * DDL compilers return, so their statements and the version table's travel
 * together.
 */
export interface Statement {
  readonly sql: string;
  readonly params?: readonly unknown[];
  /** False for statements that cannot run inside a transaction (CREATE INDEX CONCURRENTLY). */
  readonly transactional?: boolean;
}
