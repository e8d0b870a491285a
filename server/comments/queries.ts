import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { comments, feedback, organisations, sectionRevisions, stakeholderGroups, users, type Block } from "@/db/schema";
import { anchorState, paragraphText, type AnchorState, type RevisionText } from "../anchoring";
import { appearanceOf, type Appearance } from "../feedback/appearance";
import { LoadCache } from "../plans/lru";
import { renderUserText } from "../text/markdown";
import { COMMENTS_PER_PAGE, type CommentSort } from "./inputs";

export type ThreadTarget = { sectionId: string } | { proposalId: string };

export type CommentView = {
  id: string;
  parentId: string | null;
  mine: boolean;
  authorId: string | null;
  appearance: Appearance;
  /** The author's language, for lang= on their words. */
  lang: string;
  /** Safe HTML of the words; null when deleted, or hidden from this reader. */
  html: string | null;
  /** The words as written, for the author's edit form only. */
  source: string | null;
  deleted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  edited: boolean;
  createdAt: Date;
  replyCount: number;
  anchor: null | { paragraphKey: string; quote: string | null; state: AnchorState | null };
};

const visible = () => sql`not (${comments.deletedAt} is not null and ${comments.replyCount} = 0)`;

const targetWhere = (target: ThreadTarget): SQL => ("sectionId" in target ? eq(comments.sectionId, target.sectionId) : eq(comments.proposalId, target.proposalId));

const columns = {
  id: comments.feedbackId,
  parentId: comments.parentId,
  body: comments.body,
  replyCount: comments.replyCount,
  editedAt: comments.editedAt,
  deletedAt: comments.deletedAt,
  hiddenAt: comments.hiddenAt,
  hiddenReason: comments.hiddenReason,
  paragraphKey: comments.paragraphKey,
  revisionId: comments.revisionId,
  quote: comments.quote,
  quotePrefix: comments.quotePrefix,
  quoteSuffix: comments.quoteSuffix,
  quoteOffset: comments.quoteOffset,
  createdAt: feedback.createdAt,
  authorId: feedback.authorId,
  displayMode: users.displayMode,
  authorName: users.name,
  authorLocale: users.locale,
  organisation: organisations.name,
  groupDe: stakeholderGroups.nameDe,
  groupEn: stakeholderGroups.nameEn,
};

function baseQuery<E extends Record<string, SQL>>(db: DbOrTx, extra: E = {} as E) {
  return db
    .select({ ...columns, ...extra })
    .from(comments)
    .innerJoin(feedback, eq(feedback.id, comments.feedbackId))
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, feedback.groupId))
    .leftJoin(users, eq(users.id, feedback.authorId))
    .leftJoin(organisations, eq(organisations.id, feedback.organisationId));
}

type Row = { [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] | (K extends "displayMode" | "authorName" | "authorLocale" | "organisation" ? null : never) };

const orderOf = (sort: CommentSort) =>
  sort === "oldest" ? [asc(feedback.createdAt), asc(comments.feedbackId)] : sort === "replies" ? [desc(comments.replyCount), desc(feedback.createdAt)] : [desc(feedback.createdAt), desc(comments.feedbackId)];

export type ThreadQuery = {
  target: ThreadTarget;
  locale: string;
  sort?: CommentSort;
  page?: number;
  paragraphKey?: string | null;
  openThreads?: string[];
  asOf?: Date | null;
  /** The revision the reader sees (sections), when the page has it already. */
  currentRevision?: { id: string; number: number; blocks: unknown } | null;
};

/**
 * One page of a thread as every reader sees it, in a fixed number of queries however many comments
 * there are: the page's top-level comments (with the total by a window function), the counts per
 * paragraph (sections), the replies of the threads the reader opened, and the section's revisions
 * for re-anchoring. What differs per reader (their own comments) is added by personalise().
 */
async function loadSharedThread(
  db: DbOrTx,
  {
    target,
    locale,
    sort = "newest",
    page = 1,
    paragraphKey = null,
    openThreads = [],
    asOf = null,
    currentRevision = null,
  }: ThreadQuery,
): Promise<SharedThread> {
  const where = and(targetWhere(target), isNull(comments.parentId), visible(), paragraphKey ? eq(comments.paragraphKey, paragraphKey) : undefined);
  const countsQuery = (tx: DbOrTx) =>
    tx
      .select({ paragraphKey: comments.paragraphKey, n: count() })
      .from(comments)
      .where(and(targetWhere(target), isNull(comments.parentId), visible()))
      .groupBy(comments.paragraphKey);
  // A section's counts per paragraph ride along with the page's rows (one statement, not two).
  const countsColumn =
    "sectionId" in target
      ? sql<Record<string, number> | null>`(select json_object_agg(coalesce(pc.key, ''), pc.n) from (select c3.paragraph_key as key, count(*) as n from comments c3
          where c3.section_id = ${target.sectionId} and c3.parent_id is null and not (c3.deleted_at is not null and c3.reply_count = 0) group by c3.paragraph_key) pc)`
      : sql<null>`null`;
  const topRows = await baseQuery(db, { total: sql<number>`count(*) over ()`, counts: countsColumn })
    .where(where)
    .orderBy(...orderOf(sort))
    .limit(COMMENTS_PER_PAGE)
    .offset((Math.max(1, page) - 1) * COMMENTS_PER_PAGE);

  const counts =
    "sectionId" in target
      ? topRows[0]
        ? Object.entries(topRows[0].counts ?? {}).map(([key, n]) => ({ paragraphKey: key || null, n: Number(n) }))
        : await countsQuery(db)
      : null;

  // Only threads on this page can be open: the first page never loads the rest.
  const open = openThreads.filter((id) => topRows.some((r) => r.id === id && r.replyCount > 0));
  const ids = sql.join(open.map((id) => sql`${id}::uuid`), sql`, `);
  const replyRows = open.length
    ? await baseQuery(db)
        .where(and(or(inArray(comments.parentId, open), sql`${comments.parentId} in (select c2.feedback_id from comments c2 where c2.parent_id in (${ids}))`), visible()))
        .orderBy(asc(feedback.createdAt))
    : [];

  const toText = (r: { id: string; number: number; blocks: unknown }): RevisionText => ({
    id: r.id,
    number: r.number,
    paragraphs: new Map((r.blocks as Block[]).map((b) => [b.key, paragraphText(b.html)])),
  });
  const quoted = topRows.filter((r) => r.quote);
  // Anchors written on the text the reader sees need no older revision: only then are they loaded.
  const revisions =
    "sectionId" in target && quoted.length && currentRevision && quoted.every((r) => r.revisionId === currentRevision.id)
      ? [toText(currentRevision)]
      : "sectionId" in target && quoted.length
      ? (
          await db
            .select({ id: sectionRevisions.id, number: sectionRevisions.number, blocks: sectionRevisions.blocks })
            .from(sectionRevisions)
            .where(and(eq(sectionRevisions.sectionId, target.sectionId), asOf ? lte(sectionRevisions.createdAt, asOf) : undefined))
            .orderBy(asc(sectionRevisions.number))
        ).map(toText)
      : [];

  const view = (r: Row): SharedComment => {
    const deleted = r.deletedAt !== null;
    return {
      id: r.id,
      parentId: r.parentId,
      authorId: r.authorId,
      appearance: appearanceOf({ displayMode: r.displayMode, name: r.authorName, organisation: r.organisation, group: locale === "en" ? r.groupEn : r.groupDe }),
      lang: r.authorLocale ?? "de",
      // Rendered for hidden comments too: their author still sees them.
      html: deleted ? null : renderUserText(r.body),
      body: deleted ? null : r.body,
      deleted,
      hidden: r.hiddenAt !== null,
      hiddenReason: r.hiddenReason,
      edited: r.editedAt !== null,
      createdAt: r.createdAt,
      replyCount: r.replyCount,
      anchor: r.paragraphKey
        ? {
            paragraphKey: r.paragraphKey,
            quote: r.quote,
            state:
              r.quote && revisions.length
                ? anchorState(
                    { paragraphKey: r.paragraphKey, revisionId: r.revisionId, quote: r.quote, prefix: r.quotePrefix ?? "", suffix: r.quoteSuffix ?? "", offset: r.quoteOffset ?? 0 },
                    revisions,
                  )
                : null,
          }
        : null,
    };
  };

  const total = Number(topRows[0]?.total ?? 0);
  const paragraphCounts = new Map((counts ?? []).map((c) => [c.paragraphKey ?? "", Number(c.n)]));
  return {
    comments: topRows.map((r) => view(r as Row)),
    replies: replyRows.map((r) => view(r as Row)),
    total,
    pages: Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE)),
    paragraphCounts: counts ? paragraphCounts : null,
    allCount: counts ? [...paragraphCounts.values()].reduce((a, b) => a + b, 0) : total,
  };
}

/** A comment as every reader sees it, with what only its author may see (words to edit, reason of hiding). */
type SharedComment = Omit<CommentView, "mine" | "source"> & { body: string | null };

type SharedThread = {
  comments: SharedComment[];
  replies: SharedComment[];
  total: number;
  pages: number;
  paragraphCounts: Map<string, number> | null;
  allCount: number;
};

/** The reader's view of a shared thread: their own comments are theirs to edit, and only they see their hidden words. */
function personalise(shared: SharedThread, viewerId: string | null) {
  const view = (c: SharedComment): CommentView => {
    const mine = viewerId !== null && c.authorId === viewerId;
    const { body, ...rest } = c;
    return { ...rest, mine, html: c.hidden && !mine ? null : c.html, source: mine ? body : null, hiddenReason: mine ? c.hiddenReason : null };
  };
  return {
    comments: shared.comments.map(view),
    /** Replies of the open threads, by parent id, oldest first. */
    replies: groupBy(shared.replies.map(view)),
    total: shared.total,
    pages: shared.pages,
    /** Top-level comments per paragraph key ("" for comments on the whole section); null for proposals. */
    paragraphCounts: shared.paragraphCounts,
    allCount: shared.allCount,
  };
}

/** One page of a thread as this reader sees it (proposals; sections use getSectionThreadCached). */
export async function getCommentThread(db: DbOrTx, { viewerId, ...query }: ThreadQuery & { viewerId: string | null }) {
  return personalise(await loadSharedThread(db, query), viewerId);
}

// A section's thread pages, keyed by the section's version: every write that changes what a reader
// sees bumps it in the write's own transaction (database triggers), so an entry is never stale —
// on any app instance — only no longer asked for. Bounded: 2,000 pages of at most 20 comments.
const sectionThreads = new LoadCache<SharedThread>({
  maxEntries: 2_000,
  maxSize: 64 * 1024 * 1024,
  sizeOf: (t) => [...t.comments, ...t.replies].reduce((n, c) => n + 2 * ((c.html?.length ?? 0) + (c.body?.length ?? 0) + (c.anchor?.quote?.length ?? 0)) + 600, 1_000),
});

/** Loads (misses) of the section thread cache, for the tests that prove a second read is served from it. */
export const threadCacheLoads = () => sectionThreads.loads;

/**
 * A section's thread page as this reader sees it: the shared part from the cache, keyed by the
 * section's version stamp (read with the edition, see getEditionWithSectionStamp) and everything
 * the page depends on; the reader's own part added without a query.
 */
export async function getSectionThreadCached(
  db: DbOrTx,
  { version, viewerId, ...query }: ThreadQuery & { target: { sectionId: string }; version: number; viewerId: string | null },
) {
  const key = JSON.stringify([
    query.target.sectionId,
    version,
    query.asOf?.toISOString() ?? null,
    query.locale,
    query.sort ?? "newest",
    query.page ?? 1,
    query.paragraphKey ?? null,
    [...new Set(query.openThreads ?? [])].sort(),
    query.currentRevision?.id ?? null,
  ]);
  return personalise(await sectionThreads.get(key, () => loadSharedThread(db, query)), viewerId);
}

function groupBy(list: CommentView[]): Map<string, CommentView[]> {
  const out = new Map<string, CommentView[]>();
  for (const c of list) {
    const key = c.parentId ?? "";
    out.set(key, [...(out.get(key) ?? []), c]);
  }
  return out;
}

export type CommentThreadData = ReturnType<typeof personalise>;
