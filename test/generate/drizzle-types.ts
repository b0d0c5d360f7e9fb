/**
 * Type-level test of the generated modules: compiled (`tsc --strict`, by
 * drizzle-generate.test.ts and by the project's type check), never run. An
 * exact-type assertion that no longer holds, or a `@ts-expect-error` line
 * that stops being an error (a nullable column typed as non-null, a
 * generated column accepted on insert), fails the compilation.
 */
import type * as mysql from "../fixtures/drizzle/mysql/app.drizzle.js";
import type * as pg from "../fixtures/drizzle/postgresql/app.drizzle.js";
import type * as sqlite from "../fixtures/drizzle/sqlite/app.drizzle.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export function expectTrue<T extends true>(): T | undefined {
  return undefined;
}

// PostgreSQL: every column's select type, exactly.
type PgUser = typeof pg.user.$inferSelect;
expectTrue<
  Equal<
    PgUser,
    {
      id: bigint;
      email: string;
      organizationId: number | null;
      managerId: bigint | null;
      role: "admin" | "member" | "guest" | "in progress";
      balance: string;
      active: boolean;
      score: number;
      tags: string[] | null;
      profile: unknown;
      avatar: Uint8Array | null;
      emailLower: string;
      uid: string | null;
      ip: string | null;
      doc: string | null;
      createdAt: string;
      deletedAt: string | null;
    }
  >
>();
expectTrue<Equal<(typeof pg.event.$inferSelect)["level"], "low" | "high">>();
expectTrue<Equal<(typeof pg.event.$inferSelect)["note"], string | null>>();
expectTrue<
  Equal<
    typeof pg.profile.$inferSelect,
    {
      userId: bigint;
      visits: bigint;
      settings: unknown;
      nickname: string | null;
      roles: Array<"admin" | "member" | "guest" | "in progress"> | null;
      seenAt: string;
    }
  >
>();
// @ts-expect-error a nullable column is not typed as non-null
expectTrue<Equal<PgUser["deletedAt"], string>>();
// @ts-expect-error a nullable foreign key is not typed as non-null
expectTrue<Equal<PgUser["organizationId"], number>>();
export const pgInsert: typeof pg.user.$inferInsert = { email: "a@b.test" };
// @ts-expect-error a generated column cannot be inserted
export const pgGenerated: typeof pg.user.$inferInsert = { email: "a@b.test", emailLower: "a@b.test" };
// @ts-expect-error a NOT NULL column without a default is required
export const pgMissing: typeof pg.membership.$inferInsert = { organizationId: 1 };

// SQLite
type SqliteUser = typeof sqlite.user.$inferSelect;
expectTrue<
  Equal<
    SqliteUser,
    {
      id: number;
      email: string;
      organizationId: number | null;
      managerId: number | null;
      balance: string;
      active: boolean;
      score: number;
      profile: unknown;
      avatar: Buffer | null;
      emailLower: string;
      createdAt: string;
      deletedAt: string | null;
    }
  >
>();
// @ts-expect-error a nullable column is not typed as non-null
expectTrue<Equal<SqliteUser["profile"] | SqliteUser["deletedAt"], string>>();
// @ts-expect-error a nullable column is not typed as non-null
expectTrue<Equal<SqliteUser["managerId"], number>>();
export const sqliteInsert: typeof sqlite.user.$inferInsert = { email: "a@b.test" };

// MySQL
type MysqlOrganization = typeof mysql.organization.$inferSelect;
expectTrue<
  Equal<MysqlOrganization, { id: number; name: string; plan: "free" | "team" | "enterprise"; createdAt: string }>
>();
type MysqlUser = typeof mysql.user.$inferSelect;
expectTrue<Equal<MysqlUser["id"], bigint>>();
expectTrue<Equal<MysqlUser["emailLower"], string | null>>();
expectTrue<Equal<MysqlUser["tags"], string | null>>();
expectTrue<Equal<MysqlUser["avatar"], Uint8Array | null>>();
// @ts-expect-error a nullable column is not typed as non-null
expectTrue<Equal<MysqlUser["bio"], string>>();
// @ts-expect-error an enum column takes only its values
export const mysqlBadPlan: typeof mysql.organization.$inferInsert = { name: "x", plan: "gold" };
