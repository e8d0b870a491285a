import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, proposals, sectionRevisions } from "@/db/schema";
import { explainSearch, SEARCH_LIMIT, searchEdition, snippetOf, type Snippet } from "@/server/search/queries";
import { freshDatabase, type TestDatabase } from "./helpers/db";
import { makeComment, makeEdition, makeGroup, makeProposal, makeUser } from "./helpers/engagement-data";

let t: TestDatabase;
let edition: Awaited<ReturnType<typeof makeEdition>>;
const ids: Record<string, string> = {};
const marked = (s: Snippet) => s.filter((p) => p.mark).map((p) => p.text.toLowerCase());
const plain = (s: Snippet) => s.map((p) => p.text).join("");
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await freshDatabase();
  const groupId = await makeGroup(t.db);
  const author = await makeUser(t.db, { groupId });
  edition = await makeEdition(t.db, {
    paragraphs: [
      "Die Integrationskurse des Landkreises sind ausgebucht; Wartezeiten von sechs Monaten sind üblich.",
      "Es fehlen bezahlbare Wohnungen in allen Städten des Kreises.",
    ],
    revisionAt: new Date(Date.now() - 10 * DAY),
  });
  // A later revision that someone reading "as of" the earlier moment must not see.
  await t.db.insert(sectionRevisions).values({
    sectionId: edition.sectionId,
    number: 2,
    blocks: [{ key: "p1", kind: "paragraph", html: "<p>Neu: Sprachcafés in jeder Gemeinde &amp; mehr.</p>" }],
  });
  const base = { editionId: edition.id, authorId: author.id, groupId };
  ids.visible = await makeComment(t.db, { ...base, sectionId: edition.sectionId, body: "Mehr Sprachkurse am Abend für Berufstätige." });
  ids.deleted = await makeComment(t.db, { ...base, sectionId: edition.sectionId, body: "" });
  await t.db.update(comments).set({ deletedAt: new Date() }).where(eq(comments.feedbackId, ids.deleted));
  ids.hidden = await makeComment(t.db, { ...base, sectionId: edition.sectionId, body: "Verbotene Sprachkurswerbung hier." });
  await t.db.update(comments).set({ hiddenAt: new Date(), hiddenReason: "Werbung" }).where(eq(comments.feedbackId, ids.hidden));
  ids.proposal = await makeProposal(t.db, { ...base, chapterId: edition.chapterId, title: "Kinderbetreuung während der Kurse", description: "Damit Eltern teilnehmen können." });
  ids.withdrawn = await makeProposal(t.db, { ...base, chapterId: edition.chapterId, title: "Kursgebühren erlassen", description: "Für alle." });
  await t.db.update(proposals).set({ withdrawnAt: new Date() }).where(eq(proposals.feedbackId, ids.withdrawn));
  ids.hiddenProposal = await makeProposal(t.db, { ...base, chapterId: edition.chapterId, title: "Kurswerbung", description: "Spam." });
  await t.db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.feedbackId, ids.hiddenProposal));
  ids.onHidden = await makeComment(t.db, { ...base, proposalId: ids.hiddenProposal, body: "Kurs gut." });
  // Another edition's comment never appears.
  const other = await makeEdition(t.db, { paragraphs: ["Kurs"] });
  await makeComment(t.db, { ...base, editionId: other.id, sectionId: other.sectionId, body: "Kurs anderswo." });
});
afterAll(async () => {
  await t?.close();
});

describe("search", () => {
  it("finds a compound word by its part and marks the part", async () => {
    const r = await searchEdition(t.db, { editionId: edition.id, q: "Kurs", asOf: new Date(Date.now() - DAY), includeFeedback: false });
    expect(r.sections).toHaveLength(1);
    expect(marked(r.sections[0]!.snippet)).toEqual(["kurs"]);
    expect(plain(r.sections[0]!.snippet)).toContain("Integrationskurse");
  });

  it("stems German words: “Wohnung” finds “Wohnungen”, highlighted", async () => {
    const r = await searchEdition(t.db, { editionId: edition.id, q: "Wohnung", asOf: new Date(Date.now() - DAY), includeFeedback: false });
    expect(r.sections).toHaveLength(1);
    expect(marked(r.sections[0]!.snippet)).toContain("wohnungen");
  });

  it("searches the text the person reads: the newest, or the one as of a moment", async () => {
    const newest = await searchEdition(t.db, { editionId: edition.id, q: "Sprachcafés", asOf: null, includeFeedback: false });
    expect(newest.sections).toHaveLength(1);
    expect(plain(newest.sections[0]!.snippet)).toContain("Sprachcafés in jeder Gemeinde & mehr");
    const before = await searchEdition(t.db, { editionId: edition.id, q: "Sprachcafés", asOf: new Date(Date.now() - DAY), includeFeedback: false });
    expect(before.sections).toHaveLength(0);
    // And the older text is not found in the newest.
    expect((await searchEdition(t.db, { editionId: edition.id, q: "Wartezeiten", asOf: null, includeFeedback: false })).sections).toHaveLength(0);
  });

  it("the public searches only the plan text", async () => {
    const r = await searchEdition(t.db, { editionId: edition.id, q: "Kurs", asOf: null, includeFeedback: false });
    expect(r.comments).toEqual([]);
    expect(r.proposals).toEqual([]);
  });

  it("finds comments and proposals of this edition, never deleted or hidden ones; withdrawn ones say so", async () => {
    const r = await searchEdition(t.db, { editionId: edition.id, q: "kurs", asOf: null, includeFeedback: true });
    expect(r.comments.map((c) => c.id)).toEqual([ids.visible]);
    expect(r.comments[0]!.sectionKey).toBe(edition.sectionKey);
    expect(marked(r.comments[0]!.snippet)).toEqual(["kurs"]);
    expect(r.proposals.map((p) => p.id).sort()).toEqual([ids.proposal, ids.withdrawn].sort());
    expect(r.proposals.find((p) => p.id === ids.withdrawn)!.withdrawn).toBe(true);
    expect(r.proposals.find((p) => p.id === ids.proposal)!.withdrawn).toBe(false);
  });

  it("treats the query as words, not syntax", async () => {
    for (const q of ["%", "_", "' or 1=1 --", "kurs & | !", "\\"]) {
      const r = await searchEdition(t.db, { editionId: edition.id, q, asOf: null, includeFeedback: true });
      expect(r.comments.every((c) => c.id === ids.visible)).toBe(true);
    }
    expect((await searchEdition(t.db, { editionId: edition.id, q: "%", asOf: null, includeFeedback: true })).comments).toHaveLength(0);
  });

  it("finds two words together, full-text matches before those only matching parts of words", async () => {
    const e = await makeEdition(t.db, { paragraphs: ["Sprachförderung in der Kita ist der Schlüssel.", "Nichts dazu."] });
    const groupId = await makeGroup(t.db);
    const author = await makeUser(t.db, { groupId });
    const base = { editionId: e.id, authorId: author.id, groupId, sectionId: e.sectionId };
    const both = await makeComment(t.db, { ...base, body: "Mehr Sprachförderung in jeder Kita, bitte." });
    const parts = await makeComment(t.db, { ...base, body: "Die Kitaplätze und die Sprachförderungsangebote reichen nicht." });
    await makeComment(t.db, { ...base, body: "Nur Sprachförderung, ohne das andere Wort." });
    const r = await searchEdition(t.db, { editionId: e.id, q: "Sprachförderung Kita", asOf: null, includeFeedback: true });
    expect(r.sections).toHaveLength(1);
    expect(r.comments.map((c) => c.id)).toEqual([both, parts]);
    expect(marked(r.comments[0]!.snippet)).toEqual(["sprachförderung", "kita"]);
    expect(marked(r.comments[1]!.snippet).length).toBeGreaterThan(0);
    expect(r.more).toBe(false);
  });

  it("fills a page from full-text matches and then says there are more (part-of-word matches rank below them)", async () => {
    const e = await makeEdition(t.db, { paragraphs: ["Text."] });
    const groupId = await makeGroup(t.db);
    const author = await makeUser(t.db, { groupId });
    const base = { editionId: e.id, authorId: author.id, groupId, sectionId: e.sectionId };
    const full: string[] = [];
    for (let i = 0; i < SEARCH_LIMIT + 2; i++) full.push(await makeComment(t.db, { ...base, body: `Wohnraum fehlt, Nummer ${i}.` }));
    const partOnly = await makeComment(t.db, { ...base, body: "Sozialwohnraumförderung ausbauen." });
    const r = await searchEdition(t.db, { editionId: e.id, q: "Wohnraum", asOf: null, includeFeedback: true });
    expect(r.comments).toHaveLength(SEARCH_LIMIT);
    expect(r.comments.every((c) => full.includes(c.id))).toBe(true);
    expect(r.more).toBe(true);
    // With fewer full-text matches than a page, the part-of-word match comes after them.
    const few = await searchEdition(t.db, { editionId: e.id, q: "wohnraumförderung", asOf: null, includeFeedback: true });
    expect(few.comments.map((c) => c.id)).toEqual([partOnly]);
  });

  it("explains the statements the page runs", async () => {
    const all = await explainSearch(t.db, { editionId: edition.id, query: "Sprachförderung Kita" });
    expect(all.match(/^-- /gm)).toHaveLength(3);
    expect(all.match(/Execution Time/g)).toHaveLength(3);
    const pub = await explainSearch(t.db, { editionId: edition.id, query: "Kurs", viewer: "public" });
    expect(pub.match(/Execution Time/g)).toHaveLength(1);
    expect(await explainSearch(t.db, { editionId: edition.id, query: "Kurs", includeFeedback: false })).toMatch(/^-- plan text/);
  });

  it("cuts a snippet around a part-of-word match when full-text found nothing", () => {
    const s = snippetOf("no mark here", `${"x ".repeat(100)}Integrationskurse ${"y ".repeat(100)}`, ["kurs"]);
    expect(marked(s)).toEqual(["kurs"]);
    expect(plain(s).startsWith("… ")).toBe(true);
    expect(plain(s).endsWith(" …")).toBe(true);
  });
});
