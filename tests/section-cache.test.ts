import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { chapters, comments, editions, feedback, organisations, sectionRevisions, sections, stakeholderGroups, users } from "@/db/schema";
import { createCommentInput } from "@/server/comments/inputs";
import { getSectionThreadCached, threadCacheLoads } from "@/server/comments/queries";
import { editComment, eraseComment, loadCommentTarget, writeComment } from "@/server/comments/write";
import { getEditionWithSectionStamp, getSectionWithTextCached, planCacheLoads } from "@/server/plans/queries";
import { freshDatabase, type TestDatabase } from "./helpers/db";

/**
 * The section page's caches (issue 9): what all readers share is cached per section version, and
 * every write that changes what a reader sees bumps the version in its own transaction (database
 * triggers), so the next read — on any app instance — shows it. A second read sends only the
 * statement that reads the stamps.
 */

let t: TestDatabase;
let db: Db;
let groupId: string;
let editionId: string;
let chapterId: string;

const paragraph = "Der Landkreis fördert sozialen Wohnungsbau. Ansprechpartner ist das Kreissozialamt. Wohnraum bleibt knapp.";

/** The same database through a drizzle instance whose logger counts the statements sent. */
function counting(): { db: Db; count: () => number } {
  let n = 0;
  const logger = { logQuery: () => void n++ };
  const client = (db as unknown as { $client: unknown }).$client;
  const counted = (t.driver === "pglite" ? drizzlePglite(client as never, { schema, logger }) : drizzlePostgres(client as never, { schema, logger })) as unknown as Db;
  return { db: counted, count: () => n };
}

async function person(name: string, organisationId: string | null = null) {
  const [u] = await db
    .insert(users)
    .values({ email: `${crypto.randomUUID()}@test.example`, name, role: "stakeholder", groupId, organisationId, notificationFrequency: "off" })
    .returning({ id: users.id });
  return u!.id;
}

async function comment(authorId: string, fields: Record<string, unknown>) {
  const input = createCommentInput.parse({ idempotencyKey: crypto.randomUUID(), ...fields });
  return db.transaction(async (tx) => writeComment(tx, { authorId, input, target: await loadCommentTarget(tx, input) }));
}

async function newSection() {
  const key = `s-${crypto.randomUUID()}`;
  const [s] = await db.insert(sections).values({ editionId, chapterId, key, position: 1, title: "Wohnraum" }).returning();
  await db.insert(sectionRevisions).values({ sectionId: s!.id, number: 1, blocks: [{ key: "p1", kind: "paragraph", html: `<p>${paragraph}</p>` }] });
  return { sectionId: s!.id, sectionKey: key };
}

/** What the section page reads, as `viewerId` (through `through`, to count statements). */
async function read(s: { sectionId: string; sectionKey: string }, viewerId: string | null, through: Db = db, query: { page?: number; openThreads?: string[] } = {}) {
  const found = await getEditionWithSectionStamp(through, { editionId, sectionKey: s.sectionKey });
  const text = await getSectionWithTextCached(through, { editionId, sectionKey: s.sectionKey, asOf: null, stamp: found!.stamp! });
  const thread = await getSectionThreadCached(through, {
    target: { sectionId: s.sectionId },
    version: found!.stamp!.version,
    viewerId,
    locale: "de",
    currentRevision: text!.revision,
    ...query,
  });
  return { found: found!, text: text!, thread };
}

beforeAll(async () => {
  t = await freshDatabase();
  db = t.db;
  const [g] = await db.insert(stakeholderGroups).values({ key: "ehrenamt", nameDe: "Ehrenamtlich Engagierte", nameEn: "Volunteers", position: 1 }).returning();
  groupId = g!.id;
  const [e] = await db.insert(editions).values({ year: 2032, title: "Test", phase: "consultation" }).returning();
  editionId = e!.id;
  const [c] = await db.insert(chapters).values({ editionId, key: "wohnen", position: 1, title: "Wohnen" }).returning();
  chapterId = c!.id;
});

afterAll(async () => {
  await t?.close();
});

describe("the section page's caches", () => {
  it("serve a second read without querying the shared data: only the stamps' statement", async () => {
    const s = await newSection();
    const author = await person("Ada");
    await comment(author, { sectionId: s.sectionId, paragraphKey: "p1", quote: "Wohnraum bleibt knapp.", body: "Bitte **mehr** Wohnungen." });
    const first = counting();
    const a = await read(s, null, first.db);
    expect(first.count()).toBeGreaterThan(1);
    const loads = { thread: threadCacheLoads(), plans: planCacheLoads() };
    const second = counting();
    const b = await read(s, null, second.db);
    expect(second.count()).toBe(1);
    expect(threadCacheLoads()).toBe(loads.thread);
    expect(planCacheLoads()).toEqual(loads.plans);
    expect(b.thread.comments.map((c) => c.html)).toEqual(a.thread.comments.map((c) => c.html));
    expect(b.thread.comments[0]!.html).toContain("<strong>mehr</strong>");
    expect(b.thread.comments[0]!.anchor?.state).toMatchObject({ status: "exact" });
    expect(b.text.prepared!.blocks[0]!.sentences).toEqual(["Der Landkreis fördert sozialen Wohnungsbau.", "Ansprechpartner ist das Kreissozialamt.", "Wohnraum bleibt knapp."]);
  });

  it("give each reader their own part from one shared entry: own words to edit, hidden words only for the author", async () => {
    const s = await newSection();
    const author = await person("Ben");
    const other = await person("Cleo");
    const { id } = await comment(author, { sectionId: s.sectionId, body: "Meine Worte" });
    await db.update(comments).set({ hiddenAt: new Date(), hiddenReason: "Spam" }).where(eq(comments.feedbackId, id));
    const mine = await read(s, author);
    const loads = threadCacheLoads();
    const theirs = await read(s, other);
    expect(threadCacheLoads()).toBe(loads);
    expect(mine.thread.comments[0]).toMatchObject({ mine: true, source: "Meine Worte", hidden: true, hiddenReason: "Spam" });
    expect(mine.thread.comments[0]!.html).toContain("Meine Worte");
    expect(theirs.thread.comments[0]).toMatchObject({ mine: false, source: null, html: null, hidden: true, hiddenReason: null });
  });

  it("show a new comment, a reply, an edit and a deletion at the next read", async () => {
    const s = await newSection();
    const author = await person("Dana");
    const before = await read(s, null);
    expect(before.thread.allCount).toBe(0);

    const { id } = await comment(author, { sectionId: s.sectionId, paragraphKey: "p1", body: "Erster Gedanke" });
    const created = await read(s, null);
    expect(created.found.stamp!.version).toBeGreaterThan(before.found.stamp!.version);
    expect(created.thread.comments.map((c) => c.html)).toEqual([expect.stringContaining("Erster Gedanke")]);
    expect(created.thread.paragraphCounts?.get("p1")).toBe(1);

    await comment(author, { parentId: id, body: "Nachtrag" });
    const replied = await read(s, null, db, { openThreads: [id] });
    expect(replied.thread.comments[0]!.replyCount).toBe(1);
    expect(replied.thread.replies.get(id)?.map((r) => r.html)).toEqual([expect.stringContaining("Nachtrag")]);

    await db.transaction((tx) => editComment(tx, { commentId: id, body: "Zweiter Gedanke" }));
    const edited = await read(s, null);
    expect(edited.thread.comments[0]!.html).toContain("Zweiter Gedanke");
    expect(edited.thread.comments[0]!.edited).toBe(true);

    await db.transaction((tx) => eraseComment(tx, { commentId: id }));
    const erased = await read(s, null);
    expect(erased.thread.comments[0]).toMatchObject({ deleted: true, html: null });
  });

  it("show a saved revision's text, and anchors measured against it, at the next read", async () => {
    const s = await newSection();
    const author = await person("Emil");
    await comment(author, { sectionId: s.sectionId, paragraphKey: "p1", quote: "Wohnraum bleibt knapp.", body: "Zum Wohnraum" });
    const before = await read(s, null);
    expect(before.text.prepared!.blocks[0]!.safeHtml).toBe(`<p>${paragraph}</p>`);
    await db.insert(sectionRevisions).values({ sectionId: s.sectionId, number: 2, blocks: [{ key: "p1", kind: "paragraph", html: "<p>Der Landkreis baut. <script>x</script></p>" }] });
    const after = await read(s, null);
    expect(after.text.revision!.number).toBe(2);
    // Sanitised once for the revision: the script is gone.
    expect(after.text.prepared!.blocks[0]!.safeHtml).toBe("<p>Der Landkreis baut. </p>");
    expect(after.thread.comments[0]!.anchor?.state).toMatchObject({ status: "changed" });
  });

  it("show an author's new name, an organisation's and a group's new name, and anonymisation at the next read", async () => {
    const s = await newSection();
    const [org] = await db.insert(organisations).values({ key: "sprachcafe", groupId, name: "Sprachcafé e. V." }).returning();
    const author = await person("Fritz", org!.id);
    const { id } = await db.transaction(async (tx) => {
      const input = createCommentInput.parse({ idempotencyKey: crypto.randomUUID(), sectionId: s.sectionId, body: "Hallo" });
      const written = await writeComment(tx, { authorId: author, input, target: await loadCommentTarget(tx, input) });
      await tx.update(feedback).set({ organisationId: org!.id }).where(eq(feedback.id, written.id));
      return written;
    });
    expect((await read(s, null)).thread.comments[0]!.appearance).toMatchObject({ name: "Fritz", organisation: "Sprachcafé e. V.", group: "Ehrenamtlich Engagierte" });

    await db.update(users).set({ name: "Friedrich" }).where(eq(users.id, author));
    expect((await read(s, null)).thread.comments[0]!.appearance.name).toBe("Friedrich");

    await db.update(organisations).set({ name: "Sprachcafé Göppingen e. V." }).where(eq(organisations.id, org!.id));
    expect((await read(s, null)).thread.comments[0]!.appearance.organisation).toBe("Sprachcafé Göppingen e. V.");

    await db.update(stakeholderGroups).set({ nameDe: "Engagierte" }).where(eq(stakeholderGroups.id, groupId));
    expect((await read(s, null)).thread.comments[0]!.appearance.group).toBe("Engagierte");

    await db.update(feedback).set({ authorId: null, anonymisedAt: new Date() }).where(eq(feedback.id, id));
    expect((await read(s, null)).thread.comments[0]!.authorId).toBeNull();
  });

  it("show a renamed or moved section in the outline at the next read", async () => {
    const s = await newSection();
    const before = await read(s, null);
    await db.update(sections).set({ title: "Bezahlbarer Wohnraum" }).where(eq(sections.id, s.sectionId));
    const after = await read(s, null);
    expect(after.found.stamp!.outlineVersion).toBeGreaterThan(before.found.stamp!.outlineVersion);
    expect(after.text.section.title).toBe("Bezahlbarer Wohnraum");
  });

  it("are not bumped by writes elsewhere: a comment on another section leaves this one's cache warm", async () => {
    const s = await newSection();
    const elsewhere = await newSection();
    const author = await person("Gina");
    await read(s, null);
    const [{ version }] = (await db.select({ version: sections.version }).from(sections).where(eq(sections.id, s.sectionId))) as [{ version: number }];
    await comment(author, { sectionId: elsewhere.sectionId, body: "Anderswo" });
    const loads = threadCacheLoads();
    const again = await read(s, null);
    expect(again.found.stamp!.version).toBe(version);
    expect(threadCacheLoads()).toBe(loads);
  });
});
