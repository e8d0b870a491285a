import { and, sql, type SQL } from "drizzle-orm";
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
function partsMatch(text: SQL, q: string) {
  const terms = searchTerms(q);
  return terms.length ? and(...terms.map((t) => sql`${text} ilike ${`%${likeEscape(t)}%`}`)) : undefined;
}

/** Full-text hits taken into the ranking at most (a query that matches more ranks the first ones found and says there is more). */
export const SEARCH_CANDIDATES = 1000;

type Row = Record<string, unknown>;
/** Rows of a raw statement, whichever driver (postgres.js answers an array, PGlite an object with rows). */
async function rowsOf<T extends Row>(db: DbOrTx, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown;
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}

/**
 * The hits of one kind of feedback, in the order shown: full-text matches first, ranked (German
 * stems: "Wohnung" finds "Wohnungen"; at most SEARCH_CANDIDATES of them are ranked), then what
 * matched only as parts of words ("Kurs" in "Integrationskurse"), newest first. Each branch is
 * one index's: the GIN index on the stored vector, then the trigram index; and the second runs
 * only when the first found too few to fill the page (a one-time filter in the plan), since its
 * hits would rank below them anyway. The edition and the time come from `feedback` row by row
 * (a lateral lookup by primary key): the edition holds nearly all feedback, so a join would scan it.
 */
function feedbackHits({ from, vector, text, visible, editionId, q }: { from: SQL; vector: SQL; text: SQL; visible: SQL; editionId: string; q: string }) {
  const query = tsquery(q);
  const parts = partsMatch(text, q);
  const inEdition = sql`cross join lateral (select f.created_at from ${feedback} f where f.id = x.feedback_id and f.edition_id = ${editionId} offset 0) f`;
  return sql`with fulltext as materialized (
      select x.feedback_id as id, f.created_at, ts_rank(${vector}, ${query}) as rank
      from ${from} x ${inEdition}
      where ${vector} @@ ${query} and ${visible}
      limit ${SEARCH_CANDIDATES}
    ), hits as (
      select id, created_at, rank, 1 as tier from fulltext
      ${
        parts
          ? sql`union all (
        select x.feedback_id, f.created_at, 0, 0
        from ${from} x ${inEdition}
        where (select count(*) from fulltext) <= ${SEARCH_LIMIT} and ${parts} and not (${vector} @@ ${query}) and ${visible}
        order by f.created_at desc
        limit ${SEARCH_LIMIT + 1}
      )`
          : sql``
      }
    )`;
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

type SearchArgs = { editionId: string; q: string; asOf: Date | null; includeFeedback: boolean };

/**
 * The plan text each person may read: for every section of the edition the revision current at
 * `asOf` (see readableTextAsOf), or the newest. Matching revisions come from the indexes on
 * section_revisions (stored vector, then trigram, as for feedback) and are kept if no later one (up
 * to `asOf`) exists; ranked, then in the plan's order.
 */
function sectionQuery({ editionId, q, asOf }: SearchArgs): SQL {
  const query = tsquery(q);
  const parts = partsMatch(sql`r.search_text`, q);
  // A raw statement's parameters are strings for both drivers (postgres.js takes no Date here).
  const until = asOf ? sql`${asOf.toISOString()}::timestamptz` : null;
  const readable = sql`s.edition_id = ${editionId}
    ${until ? sql`and r.created_at <= ${until}` : sql``}
    and not exists (select 1 from ${sectionRevisions} l where l.section_id = r.section_id and l.number > r.number ${until ? sql`and l.created_at <= ${until}` : sql``})`;
  return sql`with fulltext as materialized (
      select r.id, ts_rank(r.search_vector, ${query}) as rank
      from ${sectionRevisions} r join ${sections} s on s.id = r.section_id
      where r.search_vector @@ ${query} and ${readable}
    ), hits as (
      select id, rank, 1 as tier from fulltext
      ${
        parts
          ? sql`union all
      select r.id, 0, 0
      from ${sectionRevisions} r join ${sections} s on s.id = r.section_id
      where (select count(*) from fulltext) <= ${SEARCH_LIMIT} and ${parts} and not (r.search_vector @@ ${query}) and ${readable}`
          : sql``
      }
    )
    select s.key as "sectionKey", s.title, c.title as "chapterTitle", coalesce(r.search_text, '') as text,
      ${headlineOf(sql`coalesce(r.search_text, '')`, q)} as headline
    from hits
    join ${sectionRevisions} r on r.id = hits.id
    join ${sections} s on s.id = r.section_id
    join ${chapters} c on c.id = s.chapter_id
    order by hits.tier desc, hits.rank desc, c.position, s.position
    limit ${SEARCH_LIMIT + 1}`;
}
type SectionRow = { sectionKey: string; title: string; chapterTitle: string; text: string; headline: string };

/** Comments the reader may see: never deleted or hidden ones, nor those on a hidden proposal. */
function commentQuery({ editionId, q }: SearchArgs): SQL {
  const hits = feedbackHits({
    from: sql`${comments}`,
    vector: sql`x.search_vector`,
    text: sql`x.body`,
    // A scalar subquery runs row by row through the primary key (EXISTS would become a scan of all proposals for the few hidden ones).
    visible: sql`x.deleted_at is null and x.hidden_at is null and (x.proposal_id is null or (select h.hidden_at from ${proposals} h where h.feedback_id = x.proposal_id) is null)`,
    editionId,
    q,
  });
  return sql`${hits}
    select c.feedback_id as id, c.body, s.key as "sectionKey", s.title as "sectionTitle", c.proposal_id as "proposalId", t.title as "proposalTitle",
      ${headlineOf(sql`c.body`, q)} as headline
    from (select * from hits order by tier desc, rank desc, created_at desc limit ${SEARCH_LIMIT + 1}) hits
    join ${comments} c on c.feedback_id = hits.id
    left join ${sections} s on s.id = c.section_id
    left join ${proposals} t on t.feedback_id = c.proposal_id
    order by hits.tier desc, hits.rank desc, hits.created_at desc
    limit ${SEARCH_LIMIT + 1}`;
}
type CommentRow = { id: string; body: string; sectionKey: string | null; sectionTitle: string | null; proposalId: string | null; proposalTitle: string | null; headline: string };

/** Proposals that are not hidden (withdrawn ones too). The trigram index is on title || ' ' || description: the same expression here. */
function proposalQuery({ editionId, q }: SearchArgs): SQL {
  const hits = feedbackHits({
    from: sql`${proposals}`,
    vector: sql`x.search_vector`,
    text: sql`(x.title || ' ' || x.description)`,
    visible: sql`x.hidden_at is null`,
    editionId,
    q,
  });
  return sql`${hits}
    select p.feedback_id as id, p.title, p.description, p.withdrawn_at is not null as withdrawn,
      ${headlineOf(sql`(p.title || ' ' || p.description)`, q)} as headline
    from (select * from hits order by tier desc, rank desc, created_at desc limit ${SEARCH_LIMIT + 1}) hits
    join ${proposals} p on p.feedback_id = hits.id
    order by hits.tier desc, hits.rank desc, hits.created_at desc
    limit ${SEARCH_LIMIT + 1}`;
}
type ProposalRow = { id: string; title: string; description: string; withdrawn: boolean; headline: string };

/**
 * Searches one edition: the plan text each person may read (the revision current at `asOf`, see
 * readableTextAsOf) and, for those who may read feedback, comments and proposals — never deleted
 * or hidden ones; withdrawn proposals stay findable and say so. Three queries, whatever the size.
 */
export async function searchEdition(db: DbOrTx, args: SearchArgs): Promise<SearchResults> {
  const terms = searchTerms(args.q);
  const sectionRows = await rowsOf<SectionRow>(db, sectionQuery(args));
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

  const commentRows = await rowsOf<CommentRow>(db, commentQuery(args));
  results.comments = commentRows.slice(0, SEARCH_LIMIT).map((r) => ({
    kind: "comment",
    id: r.id,
    sectionKey: r.sectionKey,
    sectionTitle: r.sectionTitle,
    proposalId: r.proposalId,
    proposalTitle: r.proposalTitle,
    snippet: snippetOf(r.headline, r.body, terms),
  }));

  const proposalRows = await rowsOf<ProposalRow>(db, proposalQuery(args));
  results.proposals = proposalRows.slice(0, SEARCH_LIMIT).map((r) => ({
    kind: "proposal",
    id: r.id,
    title: r.title,
    withdrawn: r.withdrawn,
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
  const statements: [string, SQL][] = [["plan text (sections)", sectionQuery(args)]];
  if (args.includeFeedback) statements.push(["comments", commentQuery(args)], ["proposals", proposalQuery(args)]);
  const out: string[] = [];
  for (const [name, statement] of statements) {
    const rows = await rowsOf<Record<string, string>>(db, sql`explain (analyze, buffers) ${statement}`);
    out.push(`-- ${name}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  return `${out.join("\n\n")}\n`;
}
