import "server-only";
import { and, count, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
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
 * What no longer exists stays an id.
 */
export async function resolveAuditNames(db: DbOrTx, rows: { actorId: string | null; targetType: string | null; targetId: string | null }[]) {
  const of = (type: string) => ids(rows.filter((r) => r.targetType === type).map((r) => r.targetId));
  const people = ids([...rows.map((r) => r.actorId), ...of("user")]);
  const lookups: Promise<{ id: string; name: string }[]>[] = [
    people.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people)) : Promise.resolve([]),
    of("edition").length ? db.select({ id: editions.id, name: editions.title }).from(editions).where(inArray(editions.id, of("edition"))) : Promise.resolve([]),
    of("section").length ? db.select({ id: sections.id, name: sections.title }).from(sections).where(inArray(sections.id, of("section"))) : Promise.resolve([]),
    of("chapter").length ? db.select({ id: chapters.id, name: chapters.title }).from(chapters).where(inArray(chapters.id, of("chapter"))) : Promise.resolve([]),
    of("proposal").length ? db.select({ id: proposals.feedbackId, name: proposals.title }).from(proposals).where(inArray(proposals.feedbackId, of("proposal"))) : Promise.resolve([]),
    of("group").length ? db.select({ id: stakeholderGroups.id, name: stakeholderGroups.nameDe }).from(stakeholderGroups).where(inArray(stakeholderGroups.id, of("group"))) : Promise.resolve([]),
    of("organisation").length ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, of("organisation"))) : Promise.resolve([]),
  ];
  const feedbackIds = ids([...of("comment"), ...of("feedback")]);
  const editionsOfFeedback = feedbackIds.length
    ? await db.select({ id: feedback.id, name: editions.title }).from(feedback).innerJoin(editions, eq(editions.id, feedback.editionId)).where(inArray(feedback.id, feedbackIds))
    : [];
  const names = new Map<string, string>();
  for (const list of await Promise.all(lookups)) for (const r of list) names.set(r.id, r.name);
  return { names, feedbackEdition: new Map(editionsOfFeedback.map((r) => [r.id, r.name])) };
}
