import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block } from "@/db/schema";
import { LargeSeedExistsError, PARTICIPANT_EMAIL_LIKE, seedLarge, zipfCounts, type LargeSeedManifest } from "@/db/seed/large";
import { paragraphText } from "@/server/anchoring";
import { verifyPassword } from "@/server/auth/password";
import { getCommentThread } from "@/server/comments/queries";
import { freshDatabase, type TestDatabase } from "./helpers/db";

const now = new Date("2026-11-26T09:30:00Z");
const SCALE = 0.01;
let t: TestDatabase;
let m: LargeSeedManifest;
/** Index, constraint and trigger definitions of the bulk-loaded tables before the seed. */
let schemaBefore: string[];

async function query<T>(q: SQL): Promise<T[]> {
  const r = (await t.db.execute(q)) as unknown;
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
}
const one = async <T>(q: SQL): Promise<T> => (await query<T>(q))[0]!;
const num = async (q: SQL): Promise<number> => Number((await one<{ n: number | string }>(q)).n);

const schemaDefinitions = async () =>
  (
    await query<{ def: string }>(sql`
      select t.relname || ': ' || pg_get_constraintdef(c.oid) as def from pg_constraint c join pg_class t on t.oid = c.conrelid
      where t.relname in ('feedback', 'proposals', 'comments', 'votes')
      union all
      select pg_get_indexdef(x.indexrelid) from pg_index x join pg_class t on t.oid = x.indrelid
      where t.relname in ('feedback', 'proposals', 'comments', 'votes')
      union all
      select t.relname || ': trigger ' || g.tgname || ' ' || g.tgenabled::text from pg_trigger g join pg_class t on t.oid = g.tgrelid
      where not g.tgisinternal and t.relname in ('feedback', 'proposals', 'comments', 'votes')`)
  )
    .map((r) => r.def)
    .sort();

beforeAll(async () => {
  t = await freshDatabase();
  schemaBefore = await schemaDefinitions();
  m = await seedLarge(t.db, { scale: SCALE, now });
}, 120_000);
afterAll(() => t?.close());

const inEditions = () => sql`(${m.editionId}::uuid, ${m.smallEditionId}::uuid)`;

describe("large seed", () => {
  it("writes what the manifest says, in the two editions in consultation", async () => {
    expect(m.participants).toBe(200);
    expect(m.perEdition.large.proposals).toBe(100);
    expect(m.perEdition.small.proposals).toBe(100);
    expect(m.proposals).toBe(m.perEdition.large.proposals + m.perEdition.small.proposals);
    expect(m.comments).toBe(m.perEdition.large.comments + m.perEdition.small.comments);
    expect(m.votes).toBe(m.perEdition.large.votes + m.perEdition.small.votes);
    expect(m.perEdition.large.comments).toBeGreaterThanOrEqual(1000 + 50 + 10 + 30);

    expect(await num(sql`select count(*) as n from users where email like ${PARTICIPANT_EMAIL_LIKE}`)).toBe(m.participants);
    for (const [editionId, counts] of [
      [m.editionId, m.perEdition.large],
      [m.smallEditionId, m.perEdition.small],
    ] as const) {
      expect(await num(sql`select count(*) as n from feedback f join comments c on c.feedback_id = f.id where f.edition_id = ${editionId}`)).toBe(counts.comments);
      expect(await num(sql`select count(*) as n from feedback f join proposals p on p.feedback_id = f.id where f.edition_id = ${editionId}`)).toBe(counts.proposals);
      expect(await num(sql`select count(*) as n from votes v join feedback f on f.id = v.proposal_id where f.edition_id = ${editionId}`)).toBe(counts.votes);
    }
    const editions = await query<{ id: string; phase: string; opens_at: string; closes_at: string }>(sql`select id, phase, opens_at, closes_at from editions where id in ${inEditions()}`);
    expect(editions).toHaveLength(2);
    for (const e of editions) {
      expect(e.phase).toBe("consultation");
      expect(new Date(e.opens_at).getTime()).toBe(new Date("2026-11-19T09:00:00Z").getTime());
      expect(new Date(e.closes_at).getTime()).toBe(new Date("2027-01-07T09:00:00Z").getTime());
    }
    // The normal seed came first (the database was empty).
    expect(await num(sql`select count(*) as n from editions`)).toBe(5);
  });

  it("creates active, invited participants in every group with the one password", async () => {
    const users = await query<{ role: string; is_demo: boolean; active: boolean; terms: string | null; hash: string; accepted: number }>(sql`
      select u.role, u.is_demo, u.active, u.terms_accepted_at as terms, u.password_hash as hash,
             (select count(*) from invitations i where i.user_id = u.id and i.accepted_at is not null)::int as accepted
      from users u where u.email like ${PARTICIPANT_EMAIL_LIKE}`);
    expect(users.every((u) => !u.is_demo && u.active && u.terms && u.accepted === 1)).toBe(true);
    expect(new Set(users.map((u) => u.hash)).size).toBe(1);
    expect(await verifyPassword(users[0]!.hash, m.password)).toBe(true);
    expect(users.filter((u) => u.role === "council").length).toBeGreaterThan(0);
    expect(users.filter((u) => u.role === "stakeholder").length).toBeGreaterThan(users.length * 0.9);
    expect(await num(sql`select count(*) as n from users where email = 'teilnehmer0001@planwerk.example'`)).toBe(1);
    const groups = await query<{ key: string; people: number; orgs: number }>(sql`
      select g.key, count(u.id)::int as people, count(distinct u.organisation_id)::int as orgs
      from stakeholder_groups g left join users u on u.group_id = g.id and u.email like ${PARTICIPANT_EMAIL_LIKE} group by g.key`);
    expect(groups).toHaveLength(6);
    for (const g of groups) expect(g.people, g.key).toBeGreaterThan(0);
    for (const g of groups.filter((g) => g.key !== "kreistag")) expect(g.orgs, g.key).toBeGreaterThan(3);
  });

  it("gives the three named sections exactly 1,000, 50 and 10 visible top-level comments, with replies", async () => {
    for (const [name, n] of [
      ["comments1000", 1000],
      ["comments50", 50],
      ["comments10", 10],
    ] as const) {
      const ref = m.sections[name];
      const [row] = await query<{ edition_id: string; key: string; chapter_key: string }>(
        sql`select s.edition_id, s.key, c.key as chapter_key from sections s join chapters c on c.id = s.chapter_id where s.id = ${ref.id}`,
      );
      expect(row).toEqual({ edition_id: m.editionId, key: ref.key, chapter_key: ref.chapterKey });
      // Counted by the section page's own query.
      const thread = await getCommentThread(t.db, { target: { sectionId: ref.id }, viewerId: null, locale: "de" });
      expect(thread.total, name).toBe(n);
      expect(thread.allCount, name).toBe(n);
      expect(await num(sql`select count(*) as n from comments where section_id = ${ref.id} and parent_id is not null`), name).toBeGreaterThan(0);
    }
  });

  it("makes the small edition's 100 proposals and the proposal under test", async () => {
    const p = await one<{ edition_id: string; withdrawn_at: string | null; votes: number; comments: number; max: number }>(sql`
      select f.edition_id, p.withdrawn_at,
             (select count(*) from votes v where v.proposal_id = p.feedback_id)::int as votes,
             (select count(*) from comments c where c.proposal_id = p.feedback_id)::int as comments,
             (select max(n) from (select count(*)::int as n from votes v join feedback f2 on f2.id = v.proposal_id where f2.edition_id = ${m.editionId} group by v.proposal_id) x) as max
      from proposals p join feedback f on f.id = p.feedback_id where p.feedback_id = ${m.proposalId}`);
    expect(p.edition_id).toBe(m.editionId);
    expect(p.withdrawn_at).toBeNull();
    expect(p.votes).toBe(p.max);
    expect(p.votes).toBe(m.participants);
    expect(p.comments).toBe(30);
  });

  it("spreads votes unevenly, one per proposal and person, with the voter's group, organisation and municipality", async () => {
    expect(await num(sql`select count(*) - count(distinct (proposal_id, user_id)) as n from votes`)).toBe(0);
    expect(
      await num(sql`select count(*) as n from votes v join users u on u.id = v.user_id
        where v.group_id <> u.group_id or v.organisation_id is distinct from u.organisation_id or v.municipality_id is distinct from u.municipality_id`),
    ).toBe(0);
    const perProposal = (
      await query<{ n: number }>(sql`
        select count(v.user_id)::int as n from proposals p join feedback f on f.id = p.feedback_id left join votes v on v.proposal_id = p.feedback_id
        where f.edition_id = ${m.editionId} group by p.feedback_id order by n`)
    ).map((r) => r.n);
    const median = perProposal[Math.floor(perProposal.length / 2)]!;
    expect(perProposal.at(-1)!).toBeGreaterThanOrEqual(10 * median);
    const choices = await query<{ choice: string; n: number }>(sql`select choice, count(*)::int as n from votes group by choice`);
    expect(choices.map((c) => c.choice).sort()).toEqual(["abstain", "against", "for"]);
    // Votes come after their proposal, before now, and before the proposal was withdrawn.
    expect(await num(sql`select count(*) as n from votes v join feedback f on f.id = v.proposal_id where v.created_at < f.created_at or v.created_at > ${now.toISOString()}::timestamptz`)).toBe(0);
    expect(await num(sql`select count(*) as n from votes v join proposals p on p.feedback_id = v.proposal_id where v.created_at > p.withdrawn_at`)).toBe(0);
  });

  it("spreads comments unevenly over the sections", async () => {
    const perSection = (
      await query<{ n: number }>(sql`
        select count(c.feedback_id)::int as n from sections s left join comments c on c.section_id = s.id where s.edition_id = ${m.editionId} group by s.id order by n`)
    ).map((r) => r.n);
    expect(perSection.length).toBeGreaterThanOrEqual(80);
    expect(perSection[Math.floor(perSection.length / 2)]!).toBeLessThan(50);
    expect(perSection.at(-1)!).toBeGreaterThanOrEqual(1000);
  });

  it("anchors about 40 % of top-level section comments to a paragraph, some to a span whose quote stands there", async () => {
    const top = await query<{ paragraph_key: string | null; quote: string | null; prefix: string | null; suffix: string | null; offset: number | null; blocks: Block[] | string; same_section: boolean }>(sql`
      select c.paragraph_key, c.quote, c.quote_prefix as prefix, c.quote_suffix as suffix, c.quote_offset as offset, r.blocks, r.section_id = c.section_id as same_section
      from comments c join feedback f on f.id = c.feedback_id left join section_revisions r on r.id = c.revision_id
      where f.edition_id = ${m.editionId} and c.section_id is not null and c.parent_id is null`);
    const anchored = top.filter((c) => c.paragraph_key);
    expect(anchored.length / top.length).toBeGreaterThan(0.3);
    expect(anchored.length / top.length).toBeLessThan(0.5);
    const spans = anchored.filter((c) => c.quote);
    expect(spans.length).toBeGreaterThan(anchored.length * 0.3);
    for (const c of anchored) {
      expect(c.same_section).toBe(true);
      const blocks = (typeof c.blocks === "string" ? JSON.parse(c.blocks) : c.blocks) as Block[];
      const block = blocks.find((b) => b.key === c.paragraph_key);
      expect(block, c.paragraph_key!).toBeDefined();
      if (!c.quote) continue;
      const text = paragraphText(block!.html);
      expect(text.slice(c.offset!, c.offset! + c.quote.length)).toBe(c.quote);
      expect(text.slice(c.offset! - c.prefix!.length, c.offset!)).toBe(c.prefix);
      expect(text.slice(c.offset! + c.quote.length, c.offset! + c.quote.length + c.suffix!.length)).toBe(c.suffix);
    }
    // Replies and comments on proposals have no anchor, as the writer stores them.
    expect(await num(sql`select count(*) as n from comments where (parent_id is not null or proposal_id is not null) and paragraph_key is not null`)).toBe(0);
  });

  it("threads replies two levels deep within their section or proposal, with counts the app keeps", async () => {
    const mine = sql`c.feedback_id in (select id from feedback where edition_id in ${inEditions()})`;
    const replies = await num(sql`select count(*) as n from comments c where ${mine} and c.parent_id is not null`);
    expect(replies / m.comments).toBeGreaterThan(0.2);
    expect(replies / m.comments).toBeLessThan(0.4);
    expect(
      await num(sql`select count(*) as n from comments c join comments p on p.feedback_id = c.parent_id
        where ${mine} and (c.section_id is distinct from p.section_id or c.proposal_id is distinct from p.proposal_id)`),
    ).toBe(0);
    expect(await num(sql`select count(*) as n from comments c join comments p on p.feedback_id = c.parent_id join comments g on g.feedback_id = p.parent_id where ${mine} and c.parent_id is not null`)).toBeGreaterThan(0);
    expect(await num(sql`select count(*) as n from comments c join comments p on p.feedback_id = c.parent_id join comments g on g.feedback_id = p.parent_id where ${mine} and g.parent_id is not null`)).toBe(0);
    // A reply comes after its parent.
    expect(await num(sql`select count(*) as n from comments c join feedback f on f.id = c.feedback_id join feedback pf on pf.id = c.parent_id where ${mine} and f.created_at <= pf.created_at`)).toBe(0);
    expect(
      await num(sql`select count(*) as n from comments c where ${mine}
        and c.reply_count <> (select count(*) from comments r where r.parent_id = c.feedback_id and r.deleted_at is null)`),
    ).toBe(0);
    // Deleted comments are erased, as the author's delete leaves them.
    expect(await num(sql`select count(*) as n from comments c where ${mine} and c.deleted_at is not null and c.body <> ''`)).toBe(0);
  });

  it("stores the author's group, organisation and municipality with every contribution, and audits the proposals", async () => {
    expect(
      await num(sql`select count(*) as n from feedback f join users u on u.id = f.author_id where f.edition_id in ${inEditions()}
        and (f.group_id <> u.group_id or f.organisation_id is distinct from u.organisation_id or f.municipality_id is distinct from u.municipality_id)`),
    ).toBe(0);
    expect(await num(sql`select count(*) as n from feedback f where f.edition_id in ${inEditions()} and (f.author_id is null or f.source <> 'platform' or f.idempotency_key is null)`)).toBe(0);
    expect(
      await num(sql`select count(*) as n from audit_log a join feedback f on f.id::text = a.target_id
        where a.action = 'proposal.create' and a.target_type = 'proposal' and a.actor_id = f.author_id and f.edition_id in ${inEditions()}`),
    ).toBe(m.proposals);
    expect(await num(sql`select count(*) as n from proposals p where p.withdrawn_at is not null`)).toBe(await num(sql`select count(*) as n from audit_log where action = 'proposal.withdraw'`));
  });

  it("writes varied German comments that a two-word search finds", async () => {
    const distinct = await num(sql`select count(distinct body) as n from comments where body <> ''`);
    expect(distinct).toBeGreaterThan(m.comments * 0.8);
    const hits = await num(sql`select count(*) as n from comments where to_tsvector('german', body) @@ websearch_to_tsquery('german', 'Wohnraum Nahverkehr')`);
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(m.comments / 10);
  });

  it("leaves the proposal counts that the database keeps equal to the rows", async () => {
    // Counts kept by triggers (migration 0006): the seed's multi-row statements fire them as any write does.
    const stats = await one<{ exists: boolean }>(sql`select to_regclass('proposal_stats') is not null as exists`);
    if (!stats.exists) return;
    expect(await num(sql`select count(*) as n from proposals p left join proposal_stats s on s.proposal_id = p.feedback_id where s.proposal_id is null`)).toBe(0);
    expect(
      await num(sql`select count(*) as n from proposal_stats s
        where s.votes_for <> (select count(*) from votes v where v.proposal_id = s.proposal_id and v.choice = 'for')
           or s.votes_against <> (select count(*) from votes v where v.proposal_id = s.proposal_id and v.choice = 'against')
           or s.votes_abstain <> (select count(*) from votes v where v.proposal_id = s.proposal_id and v.choice = 'abstain')
           or s.comments <> (select count(*) from comments c where c.proposal_id = s.proposal_id and c.deleted_at is null and c.hidden_at is null)`),
    ).toBe(0);
    expect(
      await num(sql`select count(*) as n from (select proposal_id, group_id, count(*) as n from votes group by 1, 2) v
        full join proposal_group_votes g on g.proposal_id = v.proposal_id and g.group_id = v.group_id
        where coalesce(v.n, 0) <> coalesce(g.votes_for + g.votes_against + g.votes_abstain, 0)`),
    ).toBe(0);
  });

  it("leaves the indexes, constraints and triggers as the migrations made them", async () => {
    expect(await schemaDefinitions()).toEqual(schemaBefore);
  });

  it("refuses to run twice on one database", async () => {
    await expect(seedLarge(t.db, { scale: SCALE, now })).rejects.toBeInstanceOf(LargeSeedExistsError);
  });
});

describe("zipfCounts", () => {
  it("sums to the total within the bounds, largest first", () => {
    const counts = zipfCounts(1_000_000, 10_000, 1.5, 2000, 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(counts[0]).toBe(2000);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(counts[5000]!).toBeLessThan(30);
  });
});
