import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { ActionError } from "@/server/actions/result";
import { editionSettingsInput } from "@/server/editions/inputs";
import { splitBlocks, blocksToEditorHtml } from "@/server/editions/text";
import { berlinLocalToDate, dateToBerlinLocal } from "@/server/editions/time";
import { applyOutlineOperation, copyEditionRows, countParticipants, movePhase, saveText } from "@/server/editions/writes";
import { freshDatabase, type TestDatabase } from "./helpers/db";
import { makeComment, makeEdition, makeGroup, makeUser } from "./helpers/engagement-data";

let t: TestDatabase;
let db: Db;
let groupId: string;
let officerId: string;

beforeAll(async () => {
  t = await freshDatabase();
  db = t.db;
  groupId = await makeGroup(db);
  officerId = (await makeUser(db, { groupId, role: "officer" })).id;
});

afterAll(async () => {
  await t?.close();
});

const revisionsOf = (sectionId: string) =>
  db.select({ number: s.sectionRevisions.number, blocks: s.sectionRevisions.blocks, authorId: s.sectionRevisions.authorId, note: s.sectionRevisions.note }).from(s.sectionRevisions).where(eq(s.sectionRevisions.sectionId, sectionId)).orderBy(desc(s.sectionRevisions.number));
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof ActionError ? e.messageKey : String(e)));

describe("copying an edition", () => {
  it("keeps every chapter's and section's key, and each section's text as its first revision", async () => {
    const source = await makeEdition(db, { phase: "adopted", paragraphs: ["Erster Absatz.", "Zweiter Absatz."] });
    await db.transaction((tx) => applyOutlineOperation(tx, source.id, { operation: "addChapter", title: "Gesundheit" }, officerId));
    const [c2] = await db.select({ key: s.chapters.key }).from(s.chapters).where(eq(s.chapters.editionId, source.id)).orderBy(desc(s.chapters.position));
    await db.transaction((tx) => applyOutlineOperation(tx, source.id, { operation: "addSection", chapterKey: c2!.key, title: "Pflege" }, officerId));
    const { editionId } = await db.transaction((tx) => copyEditionRows(tx, { sourceId: source.id, year: 2032, title: "Integrationsplan 2032", authorId: officerId }));
    const keys = async (id: string) => ({
      chapters: (await db.select({ key: s.chapters.key, title: s.chapters.title }).from(s.chapters).where(eq(s.chapters.editionId, id)).orderBy(asc(s.chapters.position))),
      sections: (await db.select({ key: s.sections.key, title: s.sections.title }).from(s.sections).where(eq(s.sections.editionId, id)).orderBy(asc(s.sections.key))),
    });
    expect(await keys(editionId)).toEqual(await keys(source.id));
    const [copy] = await db.select().from(s.editions).where(eq(s.editions.id, editionId));
    expect(copy).toMatchObject({ phase: "draft", predecessorId: source.id, year: 2032 });
    const [copied] = await db.select({ id: s.sections.id }).from(s.sections).where(and(eq(s.sections.editionId, editionId), eq(s.sections.key, source.sectionKey)));
    const revs = await revisionsOf(copied!.id);
    expect(revs).toHaveLength(1);
    expect(revs[0]!.blocks).toEqual((await revisionsOf(source.sectionId))[0]!.blocks);
  });
});

describe("editing a section's text", () => {
  it("saves a new revision with author and note, keeps the old one and the keys of changed blocks, and gives new blocks new keys", async () => {
    const e = await makeEdition(db, { phase: "draft", paragraphs: ["Alt eins.", "Alt zwei."] });
    const [first] = await revisionsOf(e.sectionId);
    const editorHtml = blocksToEditorHtml(first!.blocks);
    expect(editorHtml).toBe('<p data-key="p1">Alt eins.</p><p data-key="p2">Alt zwei.</p>');
    const edited = '<p data-key="p1">Neu <strong>eins</strong>.</p><ul data-key="x-unknown"><li>Punkt</li></ul><p data-key="p2">Alt zwei.</p><p data-key="p2">Geteilt.</p><p></p><h2>Zwischentitel</h2><p onclick="x()"><a href="javascript:alert(1)">böse</a> <a href="https://example.org">gut</a></p>';
    const n = await db.transaction((tx) => saveText(tx, { sectionId: e.sectionId, drafts: splitBlocks(edited), authorId: officerId, note: "Zahlen aktualisiert" }));
    expect(n).toBe(2);
    const [now, old] = await revisionsOf(e.sectionId);
    expect(old!.blocks).toEqual(first!.blocks);
    expect(now).toMatchObject({ number: 2, authorId: officerId, note: "Zahlen aktualisiert" });
    const b = now!.blocks;
    expect(b.map((x) => x.kind)).toEqual(["paragraph", "list", "paragraph", "paragraph", "paragraph", "paragraph"]);
    expect(b[0]).toEqual({ key: "p1", kind: "paragraph", html: "<p>Neu <strong>eins</strong>.</p>" });
    expect(b[1]!.key).toMatch(/^p-[0-9a-f]{8}$/);
    expect(b[2]!.key).toBe("p2");
    expect(b[3]!.key).not.toBe("p2");
    expect(b[4]!.html).toBe("<p><strong>Zwischentitel</strong></p>");
    expect(b[5]!.html).toBe('<p>böse <a href="https://example.org" rel="noopener noreferrer">gut</a></p>');
    // The same text again writes nothing.
    const again = await db.transaction((tx) => saveText(tx, { sectionId: e.sectionId, drafts: splitBlocks(blocksToEditorHtml(b)), authorId: officerId }));
    expect(again).toBeNull();
    expect(await revisionsOf(e.sectionId)).toHaveLength(2);
  });
});

describe("changing the outline", () => {
  it("adds, renames, moves and removes chapters and sections; keys never change", async () => {
    const e = await makeEdition(db, { phase: "draft" });
    const run = (op: Parameters<typeof applyOutlineOperation>[2]) => db.transaction((tx) => applyOutlineOperation(tx, e.id, op, officerId));
    const chapterKey = await run({ operation: "addChapter", title: "Zusammenleben" });
    expect(chapterKey).toMatch(/^zusammenleben-[0-9a-f]{6}$/);
    const a = await run({ operation: "addSection", chapterKey, title: "Vereine" });
    const b = await run({ operation: "addSection", chapterKey, title: "Feste" });
    await run({ operation: "moveSection", sectionKey: b, direction: "up" });
    await run({ operation: "renameSection", sectionKey: a, title: "Vereine und Verbände" });
    await run({ operation: "moveChapter", chapterKey, direction: "up" });
    await run({ operation: "moveChapter", chapterKey, direction: "up" });
    await run({ operation: "renameChapter", chapterKey, title: "Zusammenleben vor Ort" });
    const chapters = await db.select({ key: s.chapters.key, title: s.chapters.title }).from(s.chapters).where(eq(s.chapters.editionId, e.id)).orderBy(asc(s.chapters.position));
    expect(chapters[0]).toEqual({ key: chapterKey, title: "Zusammenleben vor Ort" });
    const secs = await db.select({ key: s.sections.key, title: s.sections.title }).from(s.sections).where(eq(s.sections.editionId, e.id)).orderBy(asc(s.sections.position));
    expect(secs.filter((x) => x.key === a || x.key === b)).toEqual([
      { key: b, title: "Feste" },
      { key: a, title: "Vereine und Verbände" },
    ]);
    await run({ operation: "removeSection", sectionKey: b });
    expect((await db.select({ key: s.sections.key }).from(s.sections).where(eq(s.sections.editionId, e.id))).map((x) => x.key)).not.toContain(b);
  });

  it("refuses to remove a section (or its chapter) that has comments, and keeps it", async () => {
    const e = await makeEdition(db, { phase: "consolidation" });
    const author = await makeUser(db, { groupId });
    await makeComment(db, { editionId: e.id, authorId: author.id, groupId, sectionId: e.sectionId, body: "Bitte ergänzen." });
    const [c] = await db.select({ key: s.chapters.key }).from(s.chapters).where(eq(s.chapters.id, e.chapterId));
    expect(await fail(db.transaction((tx) => applyOutlineOperation(tx, e.id, { operation: "removeSection", sectionKey: e.sectionKey }, officerId)))).toBe("editions.sectionHasComments");
    expect(await fail(db.transaction((tx) => applyOutlineOperation(tx, e.id, { operation: "removeChapter", chapterKey: c!.key }, officerId)))).toBe("editions.chapterHasComments");
    expect(await db.select({ id: s.sections.id }).from(s.sections).where(eq(s.sections.id, e.sectionId))).toHaveLength(1);
  });
});

describe("phases", () => {
  it("refuses to open the consultation without a window, then opens it and tells every active participant once", async () => {
    const e = await makeEdition(db, { phase: "draft" });
    const people = await Promise.all([makeUser(db, { groupId }), makeUser(db, { groupId, role: "council" }), makeUser(db, { groupId, active: false })]);
    const expected = await db.transaction((tx) => countParticipants(tx, officerId));
    const edition = { id: e.id, opensAt: null, closesAt: null };
    expect(await fail(db.transaction((tx) => movePhase(tx, { edition, to: "consultation", actorId: officerId })))).toBe("editions.windowMissing");
    const past = { id: e.id, opensAt: new Date(Date.now() - 3 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000) };
    expect(await fail(db.transaction((tx) => movePhase(tx, { edition: past, to: "consultation", actorId: officerId })))).toBe("editions.windowPast");
    expect((await db.select({ phase: s.editions.phase }).from(s.editions).where(eq(s.editions.id, e.id)))[0]!.phase).toBe("draft");
    const window = { id: e.id, opensAt: new Date(), closesAt: new Date(Date.now() + 30 * 86_400_000) };
    const { notified } = await db.transaction((tx) => movePhase(tx, { edition: window, to: "consultation", actorId: officerId }));
    expect(notified).toBe(expected);
    const told = await db.select({ userId: s.notifications.userId }).from(s.notifications).where(eq(s.notifications.kind, "consultation_opened"));
    expect(told.map((x) => x.userId)).toEqual(expect.arrayContaining([people[0].id, people[1].id]));
    expect(told.map((x) => x.userId)).not.toContain(people[2].id);
    expect(told.map((x) => x.userId)).not.toContain(officerId);
    expect(await db.select().from(s.editionEvents).where(eq(s.editionEvents.editionId, e.id))).toHaveLength(1);
  });

  it("closing the consultation early ends the window now", async () => {
    const closesAt = new Date(Date.now() + 10 * 86_400_000);
    const e = await makeEdition(db, { phase: "consultation", opensAt: new Date(Date.now() - 86_400_000), closesAt });
    const before = Date.now();
    await db.transaction((tx) => movePhase(tx, { edition: { id: e.id, opensAt: new Date(Date.now() - 86_400_000), closesAt }, to: "consolidation", actorId: officerId }));
    const [row] = await db.select({ phase: s.editions.phase, closesAt: s.editions.closesAt }).from(s.editions).where(eq(s.editions.id, e.id));
    expect(row!.phase).toBe("consolidation");
    expect(row!.closesAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row!.closesAt!.getTime()).toBeLessThan(closesAt.getTime());
  });
});

describe("the consultation window", () => {
  it("reads datetime-local values as Berlin time (summer and winter) and refuses a window that closes before it opens", () => {
    expect(berlinLocalToDate("2027-07-01T09:00")!.toISOString()).toBe("2027-07-01T07:00:00.000Z");
    expect(berlinLocalToDate("2027-01-15T18:30")!.toISOString()).toBe("2027-01-15T17:30:00.000Z");
    expect(dateToBerlinLocal(new Date("2027-07-01T07:00:00Z"))).toBe("2027-07-01T09:00");
    const id = "7d8f3c1e-1b2a-4c3d-8e9f-0a1b2c3d4e5f";
    const r = editionSettingsInput.safeParse({ editionId: id, title: "Integrationsplan", opensAt: "2027-03-10T09:00", closesAt: "2027-03-01T09:00" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["closesAt"], message: "closesBeforeOpens" });
    expect(editionSettingsInput.safeParse({ editionId: id, title: "Integrationsplan", opensAt: "", closesAt: "" }).success).toBe(true);
  });
});
