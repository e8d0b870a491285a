import "server-only";
import { and, type AnyColumn, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog, chapters, editions, feedback, organisations, proposals, sections, stakeholderGroups, users } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = { actorId?: string | null; action?: string | null; targetType?: string | null; targetId?: string | null; from?: Date | null; to?: Date | null };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function where(f: AuditFilter): SQL | undefined {
  return and(
    f.actorId && uuid.test(f.actorId) ? eq(auditLog.actorId, f.actorId) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
    f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  );
}

/** One page of the log, newest first, with the total for paging. */
export async function listAuditEntries(db: DbOrTx, { filter, page }: { filter: AuditFilter; page: number }) {
  const w = where(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: auditLog.id, at: auditLog.at, actorId: auditLog.actorId, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, data: auditLog.data })
      .from(auditLog)
      .where(w)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(w),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The values the filters offer: actions and target types that occur, and the people who acted. */
export async function getAuditFilterOptions(db: DbOrTx) {
  const [actions, types, actors] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db.selectDistinct({ v: auditLog.targetType }).from(auditLog).orderBy(auditLog.targetType),
    db.selectDistinct({ id: users.id, name: users.name }).from(users).innerJoin(auditLog, eq(auditLog.actorId, users.id)).orderBy(users.name),
  ]);
  return { actions: actions.map((a) => a.v), targetTypes: types.flatMap((t) => (t.v ? [t.v] : [])), actors };
}

const ids = (list: (string | null)[]) => [...new Set(list.filter((x): x is string => !!x && uuid.test(x)))];

/**
 * Names for display only: the log itself holds ids, so a person's erasure leaves no name in it.
 * What no longer exists stays an id. One statement for every kind of target on the page.
 */
export async function resolveAuditNames(db: DbOrTx, rows: { actorId: string | null; targetType: string | null; targetId: string | null }[]) {
  const of = (type: string) => ids(rows.filter((r) => r.targetType === type).map((r) => r.targetId));
  const people = ids([...rows.map((r) => r.actorId), ...of("user")]);
  const feedbackIds = ids([...of("comment"), ...of("feedback")]);
  // One statement for all lookups (UNION ALL); `kind` tells the people's and targets' names from the editions of feedback.
  const lookup = (kind: "name" | "edition", id: AnyColumn, value: AnyColumn, from: SQL, where: SQL) =>
    sql`select ${sql.raw(`'${kind}'`)} as kind, ${id}::text as id, ${value} as name from ${from} where ${where}`;
  const parts = [
    people.length ? lookup("name", users.id, users.name, sql`${users}`, inArray(users.id, people)) : null,
    of("edition").length ? lookup("name", editions.id, editions.title, sql`${editions}`, inArray(editions.id, of("edition"))) : null,
    of("section").length ? lookup("name", sections.id, sections.title, sql`${sections}`, inArray(sections.id, of("section"))) : null,
    of("chapter").length ? lookup("name", chapters.id, chapters.title, sql`${chapters}`, inArray(chapters.id, of("chapter"))) : null,
    of("proposal").length ? lookup("name", proposals.feedbackId, proposals.title, sql`${proposals}`, inArray(proposals.feedbackId, of("proposal"))) : null,
    of("group").length ? lookup("name", stakeholderGroups.id, stakeholderGroups.nameDe, sql`${stakeholderGroups}`, inArray(stakeholderGroups.id, of("group"))) : null,
    of("organisation").length ? lookup("name", organisations.id, organisations.name, sql`${organisations}`, inArray(organisations.id, of("organisation"))) : null,
    feedbackIds.length ? lookup("edition", feedback.id, editions.title, sql`${feedback} join ${editions} on ${editions.id} = ${feedback.editionId}`, inArray(feedback.id, feedbackIds)) : null,
  ].filter((p) => p !== null);
  const result = parts.length ? await db.execute<{ kind: string; id: string; name: string }>(sql.join(parts, sql` union all `)) : [];
  const found = Array.isArray(result) ? result : ((result as unknown as { rows: { kind: string; id: string; name: string }[] }).rows ?? []);
  const names = new Map<string, string>();
  const feedbackEdition = new Map<string, string>();
  for (const r of found) (r.kind === "edition" ? feedbackEdition : names).set(r.id, r.name);
  return { names, feedbackEdition };
}
