import { and, desc, eq, gt, isNull, lte, notExists, or, sql, type SQL } from "drizzle-orm";
import { alias, unionAll, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { chapters, comments, feedback, proposals, sectionRevisions, sections } from "@/db/schema";

export const SEARCH_MIN = 2;
export const SEARCH_MAX = 100;
/** Hits per kind shown; one more is fetched to know whether there are more. */
export const SEARCH_LIMIT = 20;

// Private-use characters mark the highlight inside a snippet; the snippet is then rendered as text parts.
const START = "\uE000";
const STOP = "\uE001";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** A snippet as text parts: `mark` is a highlighted match. Rendered as text, so nothing in it is markup. */
export type Snippet = { text: string; mark: boolean }[];
export type SectionHit = { kind: "section"; sectionKey: string; title: string; chapterTitle: string; snippet: Snippet };
export type CommentHit = {
  kind: "comment";
  id: string;
  sectionKey: string | null;
  sectionTitle: string | null;
  proposalId: string | null;
  proposalTitle: string | null;
  snippet: Snippet;
};
export type ProposalHit = { kind: "proposal"; id: string; title: string; withdrawn: boolean; snippet: Snippet };
export type SearchResults = {
  sections: SectionHit[];
  comments: CommentHit[];
  proposals: ProposalHit[];
  /** Some kind had more hits than shown. */
  more: boolean;
};

/** The words of a query for part-of-word matching (LIKE, served by the trigram indexes), at most five. */
export function searchTerms(q: string): string[] {
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= SEARCH_MIN),
    ),
  ].slice(0, 5);
}
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const tsquery = (q: string) => sql`websearch_to_tsquery('german', ${q})`;
const headlineOf = (text: SQL, q: string) => sql<string>`ts_headline('german', ${text}, ${tsquery(q)}, ${HEADLINE})`;

/**
 * Every word of the query as a part of a word ("Kurs" finds "Integrationskurse", which the
 * `german` configuration does not split): LIKE, served by the trigram indexes.
 */
function partsMatch(text: SQL | AnyPgColumn, q: string) {
  const terms = searchTerms(q);
  return terms.length ? and(...terms.map((t) => sql`${text} ilike ${`%${likeEscape(t)}%`}`)) : undefined;
}

/** Full-text hits taken into the ranking at most (a query that matches more ranks the first ones found and says there is more). */
export const SEARCH_CANDIDATES = 2000;

/**
 * A hit's order: full-text matches first, by full-text rank (German stems: "Wohnung" finds
 * "Wohnungen"); then what matched only as parts of words, newest first.
 */
const tier = { fulltext: sql<number>`1`, parts: sql<number>`0` };

/**
 * The snippet from the database's headline; where full-text did not match (only a part of a word
 * did), one cut from the text around the first matching part, which is marked.
 */
export function snippetOf(headline: string, text: string, terms: string[]): Snippet {
  if (headline.includes(START)) return splitMarked(headline);
  const clean = text.replace(/[\uE000\uE001]/g, "").replace(/\s+/g, " ").trim();
  const lower = clean.toLowerCase();
  let at = -1;
  let term = "";
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) [at, term] = [i, t];
  }
  if (at < 0) return [{ text: clean.slice(0, 200) + (clean.length > 200 ? " …" : ""), mark: false }];
  const from = at > 80 ? clean.lastIndexOf(" ", at - 80) + 1 : 0;
  const toSpace = clean.indexOf(" ", Math.min(clean.length, at + term.length + 100));
  const to = toSpace < 0 ? clean.length : toSpace;
  return [
    { text: (from > 0 ? "… " : "") + clean.slice(from, at), mark: false },
    { text: clean.slice(at, at + term.length), mark: true },
    { text: clean.slice(at + term.length, to) + (to < clean.length ? " …" : ""), mark: false },
  ].filter((p) => p.text !== "");
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "" };
/** The plan's search text is its HTML without tags; its character references are read back as text here. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

function splitMarked(s: string): Snippet {
  const out: Snippet = [];
  for (const [i, piece] of s.split(START).entries()) {
    if (i === 0) {
      if (piece) out.push({ text: piece, mark: false });
      continue;
    }
    const [marked = "", rest = ""] = piece.split(STOP);
    if (marked) out.push({ text: marked, mark: true });
    if (rest) out.push({ text: rest, mark: false });
  }
  return out;
}

type SearchArgs = { editionId: string; q: string; asOf: Date | null; includeFeedback: boolean };

/**
 * The plan text each person may read: for every section of the edition the revision current at
 * `asOf` (see readableTextAsOf), or the newest. Matching revisions are found through the indexes on
 * section_revisions first, then kept if no later one (up to `asOf`) exists.
 */
function sectionQuery(db: DbOrTx, { editionId, q, asOf }: SearchArgs) {
  const r = sectionRevisions;
  const later = alias(sectionRevisions, "later");
  const vector = sql`to_tsvector('german', ${r.searchText})`;
  const fulltext = sql`${vector} @@ ${tsquery(q)}`;
  const parts = partsMatch(sql`${r.searchText}`, q);
  const text = sql<string>`coalesce(${r.searchText}, '')`;
  const isFulltext = sql<number>`case when ${fulltext} then 1 else 0 end`;
  const rank = sql<number>`case when ${fulltext} then ts_rank(${vector}, ${tsquery(q)}) else 0 end`;
  return db
    .select({ sectionKey: sections.key, title: sections.title, chapterTitle: chapters.title, text, headline: headlineOf(text, q) })
    .from(r)
    .innerJoin(sections, eq(sections.id, r.sectionId))
    .innerJoin(chapters, eq(chapters.id, sections.chapterId))
    .where(
      and(
        eq(sections.editionId, editionId),
        parts ? or(fulltext, parts) : fulltext,
        asOf ? lte(r.createdAt, asOf) : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(later)
            .where(and(eq(later.sectionId, r.sectionId), gt(later.number, r.number), asOf ? lte(later.createdAt, asOf) : undefined)),
        ),
      ),
    )
    .orderBy(desc(isFulltext), desc(rank), chapters.position, sections.position)
    .limit(SEARCH_LIMIT + 1);
}

/**
 * Comments the reader may see (never deleted or hidden ones, nor those on a hidden proposal).
 * Two index-friendly branches instead of one OR: the full-text hits through the GIN index on the
 * stored vector, ranked (at most SEARCH_CANDIDATES of them), and the hits only as parts of words
 * through the trigram index, newest first; only the shown page gets its snippet.
 */
function commentQuery(db: DbOrTx, { editionId, q }: SearchArgs) {
  const c = comments;
  const query = tsquery(q);
  const base = and(eq(feedback.editionId, editionId), isNull(c.deletedAt), isNull(c.hiddenAt));
  const fulltext = db
    .select({ id: c.feedbackId, tier: tier.fulltext.as("tier"), rank: sql<number>`ts_rank(${c.searchVector}, ${query})`.as("rank"), createdAt: feedback.createdAt })
    .from(c)
    .innerJoin(feedback, eq(feedback.id, c.feedbackId))
    .where(and(sql`${c.searchVector} @@ ${query}`, base))
    .limit(SEARCH_CANDIDATES);
  const parts = partsMatch(c.body, q);
  const hits = (
    parts
      ? unionAll(
          fulltext,
          db
            .select({ id: c.feedbackId, tier: tier.parts.as("tier"), rank: sql<number>`0::real`.as("rank"), createdAt: feedback.createdAt })
            .from(c)
            .innerJoin(feedback, eq(feedback.id, c.feedbackId))
            .where(and(parts, sql`not (${c.searchVector} @@ ${query})`, base))
            .orderBy(desc(feedback.createdAt))
            .limit(SEARCH_LIMIT + 1),
        )
      : fulltext
  ).as("hits");
  const target = alias(proposals, "target");
  return db
    .select({
      id: c.feedbackId,
      body: c.body,
      sectionKey: sections.key,
      sectionTitle: sections.title,
      proposalId: c.proposalId,
      proposalTitle: target.title,
      headline: headlineOf(sql`${c.body}`, q),
    })
    .from(hits)
    .innerJoin(c, eq(c.feedbackId, hits.id))
    .leftJoin(sections, eq(sections.id, c.sectionId))
    .leftJoin(target, eq(target.feedbackId, c.proposalId))
    .where(isNull(target.hiddenAt))
    .orderBy(desc(hits.tier), desc(hits.rank), desc(hits.createdAt))
    .limit(SEARCH_LIMIT + 1);
}

/** Proposals that are not hidden (withdrawn ones too), in the same two branches as comments. */
function proposalQuery(db: DbOrTx, { editionId, q }: SearchArgs) {
  const p = proposals;
  const query = tsquery(q);
  const base = and(eq(feedback.editionId, editionId), isNull(p.hiddenAt));
  const fulltext = db
    .select({ id: p.feedbackId, tier: tier.fulltext.as("tier"), rank: sql<number>`ts_rank(${p.searchVector}, ${query})`.as("rank"), createdAt: feedback.createdAt })
    .from(p)
    .innerJoin(feedback, eq(feedback.id, p.feedbackId))
    .where(and(sql`${p.searchVector} @@ ${query}`, base))
    .limit(SEARCH_CANDIDATES);
  // The trigram index is on title || ' ' || description: the same expression here.
  const parts = partsMatch(sql`(${p.title} || ' ' || ${p.description})`, q);
  const hits = (
    parts
      ? unionAll(
          fulltext,
          db
            .select({ id: p.feedbackId, tier: tier.parts.as("tier"), rank: sql<number>`0::real`.as("rank"), createdAt: feedback.createdAt })
            .from(p)
            .innerJoin(feedback, eq(feedback.id, p.feedbackId))
            .where(and(parts, sql`not (${p.searchVector} @@ ${query})`, base))
            .orderBy(desc(feedback.createdAt))
            .limit(SEARCH_LIMIT + 1),
        )
      : fulltext
  ).as("hits");
  return db
    .select({ id: p.feedbackId, title: p.title, description: p.description, withdrawnAt: p.withdrawnAt, headline: headlineOf(sql`(${p.title} || ' ' || ${p.description})`, q) })
    .from(hits)
    .innerJoin(p, eq(p.feedbackId, hits.id))
    .orderBy(desc(hits.tier), desc(hits.rank), desc(hits.createdAt))
    .limit(SEARCH_LIMIT + 1);
}

/**
 * Searches one edition: the plan text each person may read (the revision current at `asOf`, see
 * readableTextAsOf) and, for those who may read feedback, comments and proposals — never deleted
 * or hidden ones; withdrawn proposals stay findable and say so. Three queries, whatever the size.
 */
export async function searchEdition(db: DbOrTx, args: SearchArgs): Promise<SearchResults> {
  const terms = searchTerms(args.q);
  const sectionRows = await sectionQuery(db, args);
  const results: SearchResults = {
    sections: sectionRows.slice(0, SEARCH_LIMIT).map((r) => ({
      kind: "section",
      sectionKey: r.sectionKey,
      title: r.title,
      chapterTitle: r.chapterTitle,
      snippet: snippetOf(r.headline, r.text, terms).map((p) => ({ ...p, text: decodeEntities(p.text) })),
    })),
    comments: [],
    proposals: [],
    more: sectionRows.length > SEARCH_LIMIT,
  };
  if (!args.includeFeedback) return results;

  const commentRows = await commentQuery(db, args);
  results.comments = commentRows.slice(0, SEARCH_LIMIT).map((r) => ({
    kind: "comment",
    id: r.id,
    sectionKey: r.sectionKey,
    sectionTitle: r.sectionTitle,
    proposalId: r.proposalId,
    proposalTitle: r.proposalTitle,
    snippet: snippetOf(r.headline, r.body, terms),
  }));

  const proposalRows = await proposalQuery(db, args);
  results.proposals = proposalRows.slice(0, SEARCH_LIMIT).map((r) => ({
    kind: "proposal",
    id: r.id,
    title: r.title,
    withdrawn: r.withdrawnAt !== null,
    snippet: snippetOf(r.headline, `${r.title} ${r.description}`, terms),
  }));
  results.more ||= commentRows.length > SEARCH_LIMIT || proposalRows.length > SEARCH_LIMIT;
  return results;
}

/**
 * The plans of the statements the search page runs for `query`, with EXPLAIN (ANALYZE, BUFFERS),
 * for the benchmark's report. `viewer`: "public" searches the plan text only, "participant" (the
 * default) also comments and proposals; `includeFeedback` says the same directly.
 */
export async function explainSearch(
  db: DbOrTx,
  { editionId, query, viewer = "participant", includeFeedback, asOf = null }: { editionId: string; query: string; viewer?: "public" | "participant"; includeFeedback?: boolean; asOf?: Date | null },
): Promise<string> {
  const args: SearchArgs = { editionId, q: query, asOf, includeFeedback: includeFeedback ?? viewer !== "public" };
  const statements: [string, { getSQL(): SQL }][] = [["plan text (sections)", sectionQuery(db, args)]];
  if (args.includeFeedback) statements.push(["comments", commentQuery(db, args)], ["proposals", proposalQuery(db, args)]);
  const out: string[] = [];
  for (const [name, statement] of statements) {
    const result = (await db.execute(sql`explain (analyze, buffers) ${statement.getSQL()}`)) as unknown;
    const rows = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Record<string, string>[];
    out.push(`-- ${name}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  return `${out.join("\n\n")}\n`;
}
