import { and, desc, eq, isNull, lte, or, sql, type SQL } from "drizzle-orm";
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

/**
 * Matches a text: German full-text (stems: "Wohnung" finds "Wohnungen") or every word as a part
 * of a word ("Kurs" finds "Integrationskurse", which the `german` configuration does not split).
 * Ranked by full-text rank plus trigram word similarity.
 */
function matcher(column: SQL, q: string) {
  const query = sql`websearch_to_tsquery('german', ${q})`;
  const vector = sql`to_tsvector('german', ${column})`;
  const terms = searchTerms(q);
  const parts = terms.length ? and(...terms.map((t) => sql`${column} ilike ${`%${likeEscape(t)}%`}`)) : undefined;
  return {
    where: parts ? or(sql`${vector} @@ ${query}`, parts)! : sql`${vector} @@ ${query}`,
    rank: sql<number>`(ts_rank(${vector}, ${query}) * 2 + word_similarity(${q}, ${column}))`,
    headline: sql<string>`ts_headline('german', ${column}, ${query}, ${HEADLINE})`,
  };
}

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

/**
 * Searches one edition: the plan text each person may read (the revision current at `asOf`, see
 * readableTextAsOf) and, for those who may read feedback, comments and proposals — never deleted
 * or hidden ones; withdrawn proposals stay findable and say so. Three queries, whatever the size.
 */
export async function searchEdition(
  db: DbOrTx,
  { editionId, q, asOf, includeFeedback }: { editionId: string; q: string; asOf: Date | null; includeFeedback: boolean },
): Promise<SearchResults> {
  const terms = searchTerms(q);
  const current = db
    .selectDistinctOn([sectionRevisions.sectionId], { sectionId: sectionRevisions.sectionId, searchText: sectionRevisions.searchText })
    .from(sectionRevisions)
    .innerJoin(sections, eq(sections.id, sectionRevisions.sectionId))
    .where(and(eq(sections.editionId, editionId), asOf ? lte(sectionRevisions.createdAt, asOf) : undefined))
    .orderBy(sectionRevisions.sectionId, desc(sectionRevisions.number))
    .as("current");
  const text = sql<string>`coalesce(${current.searchText}, '')`;
  const m = matcher(text, q);
  const sectionRows = await db
    .select({ sectionKey: sections.key, title: sections.title, chapterTitle: chapters.title, text, headline: m.headline, rank: m.rank })
    .from(current)
    .innerJoin(sections, eq(sections.id, current.sectionId))
    .innerJoin(chapters, eq(chapters.id, sections.chapterId))
    .where(m.where)
    .orderBy(desc(m.rank), chapters.position, sections.position)
    .limit(SEARCH_LIMIT + 1);
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
  if (!includeFeedback) return results;

  const cm = matcher(sql`${comments.body}`, q);
  const target = db.select({ id: proposals.feedbackId, title: proposals.title, hiddenAt: proposals.hiddenAt }).from(proposals).as("target");
  const commentRows = await db
    .select({
      id: comments.feedbackId,
      body: comments.body,
      sectionKey: sections.key,
      sectionTitle: sections.title,
      proposalId: comments.proposalId,
      proposalTitle: target.title,
      headline: cm.headline,
    })
    .from(comments)
    .innerJoin(feedback, eq(feedback.id, comments.feedbackId))
    .leftJoin(sections, eq(sections.id, comments.sectionId))
    .leftJoin(target, eq(target.id, comments.proposalId))
    .where(and(eq(feedback.editionId, editionId), isNull(comments.deletedAt), isNull(comments.hiddenAt), isNull(target.hiddenAt), cm.where))
    .orderBy(desc(cm.rank), desc(feedback.createdAt))
    .limit(SEARCH_LIMIT + 1);
  results.comments = commentRows.slice(0, SEARCH_LIMIT).map((r) => ({
    kind: "comment",
    id: r.id,
    sectionKey: r.sectionKey,
    sectionTitle: r.sectionTitle,
    proposalId: r.proposalId,
    proposalTitle: r.proposalTitle,
    snippet: snippetOf(r.headline, r.body, terms),
  }));

  const pm = matcher(sql`(${proposals.title} || ' ' || ${proposals.description})`, q);
  const proposalRows = await db
    .select({ id: proposals.feedbackId, title: proposals.title, description: proposals.description, withdrawnAt: proposals.withdrawnAt, headline: pm.headline })
    .from(proposals)
    .innerJoin(feedback, eq(feedback.id, proposals.feedbackId))
    .where(and(eq(feedback.editionId, editionId), isNull(proposals.hiddenAt), pm.where))
    .orderBy(desc(pm.rank), desc(feedback.createdAt))
    .limit(SEARCH_LIMIT + 1);
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
