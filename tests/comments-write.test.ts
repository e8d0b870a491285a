import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { chapters, comments, editions, feedback, notifications, proposals, sectionRevisions, sections, stakeholderGroups, users } from "@/db/schema";
import { getCommentThread } from "@/server/comments/queries";
import { getEdition, getSectionWithText } from "@/server/plans/queries";
import { createCommentInput } from "@/server/comments/inputs";
import { eraseComment, loadCommentTarget, writeComment } from "@/server/comments/write";
import { freshDatabase, type TestDatabase } from "./helpers/db";

let t: TestDatabase;
let db: Db;
let groupId: string;
let sectionId: string;
let editionId: string;
let revisionId: string;

const paragraph = "Der Landkreis fördert sozialen Wohnungsbau. Ansprechpartner ist das Kreissozialamt. Wohnraum bleibt knapp.";

async function person(name: string) {
  const [u] = await db
    .insert(users)
    .values({ email: `${crypto.randomUUID()}@test.example`, name, role: "stakeholder", groupId, notificationFrequency: "off" })
    .returning({ id: users.id });
  return u!.id;
}

async function comment(authorId: string, fields: Record<string, unknown>) {
  const input = createCommentInput.parse({ idempotencyKey: crypto.randomUUID(), ...fields });
  return db.transaction(async (tx) => writeComment(tx, { authorId, input, target: await loadCommentTarget(tx, input) }));
}

beforeAll(async () => {
  t = await freshDatabase();
  db = t.db;
  const [g] = await db.insert(stakeholderGroups).values({ key: "ehrenamt", nameDe: "Ehrenamtlich Engagierte", nameEn: "Volunteers", position: 1 }).returning();
  groupId = g!.id;
  const [e] = await db.insert(editions).values({ year: 2031, title: "Test", phase: "consultation" }).returning();
  editionId = e!.id;
  const [c] = await db.insert(chapters).values({ editionId, key: "wohnen", position: 1, title: "Wohnen" }).returning();
  const [s] = await db.insert(sections).values({ editionId, chapterId: c!.id, key: "wohnraum", position: 1, title: "Wohnraum" }).returning();
  sectionId = s!.id;
  const [r] = await db
    .insert(sectionRevisions)
    .values({ sectionId, number: 1, blocks: [{ key: "p1", kind: "paragraph", html: `<p>${paragraph}</p>` }] })
    .returning();
  revisionId = r!.id;
});

afterAll(async () => {
  await t?.close();
});

/** The test database through a pool of 20 connections (PostgreSQL); PGlite has one connection anyway. */
async function widePool(): Promise<{ db: Db; close: () => Promise<void> }> {
  if (t.driver === "pglite") return { db, close: async () => {} };
  const { default: postgres } = await import("postgres");
  const o = (db as unknown as { $client: { options: { host: string[]; port: number[]; database: string; user: string; pass?: string | null } } }).$client.options;
  const client = postgres({ host: o.host[0], port: o.port[0], database: o.database, user: o.user, password: o.pass ?? undefined, max: 20, onnotice: () => {} });
  return { db: drizzlePostgres(client, { schema }) as unknown as Db, close: () => client.end({ timeout: 5 }) };
}

describe("writing comments", () => {
  it("stores a span's anchor from the server's own text, with the author's group, organisation and municipality", async () => {
    const me = await person("Ada");
    const { id } = await comment(me, { sectionId, paragraphKey: "p1", revisionId, quote: "Ansprechpartner ist das Kreissozialamt.", quoteOffset: 40, body: "Bitte mit Telefonnummer." });
    const [row] = await db.select().from(comments).innerJoin(feedback, eq(feedback.id, comments.feedbackId)).where(eq(comments.feedbackId, id));
    expect(row!.comments).toMatchObject({
      paragraphKey: "p1",
      revisionId,
      quote: "Ansprechpartner ist das Kreissozialamt.",
      quoteOffset: paragraph.indexOf("Ansprechpartner"),
      quotePrefix: paragraph.slice(paragraph.indexOf("Ansprechpartner") - 32, paragraph.indexOf("Ansprechpartner")),
      quoteSuffix: " Wohnraum bleibt knapp.",
    });
    expect(row!.feedback).toMatchObject({ authorId: me, groupId, organisationId: null, municipalityId: null, kind: "comment" });
  });

  it("anchors the sentences chosen with the keyboard picker", async () => {
    const me = await person("Ben");
    const { id } = await comment(me, { sectionId, paragraphKey: "p1", revisionId, sentences: ["1", "2"], body: "Zwei Sätze." });
    const [row] = await db.select({ quote: comments.quote }).from(comments).where(eq(comments.feedbackId, id));
    expect(row!.quote).toBe("Ansprechpartner ist das Kreissozialamt. Wohnraum bleibt knapp.");
  });

  it("refuses a quote that is not in the paragraph", async () => {
    const me = await person("Cem");
    await expect(comment(me, { sectionId, paragraphKey: "p1", revisionId, quote: "Steht nicht im Text", body: "x" })).rejects.toMatchObject({ fieldErrors: { quote: "quoteNotFound" } });
  });

  it("keeps the reply count, tells the parent's author, and erases a deleted comment's words", async () => {
    const author = await person("Dora");
    const replier = await person("Emil");
    const { id: parentId } = await comment(author, { sectionId, body: "Oben" });
    const { id: replyId } = await comment(replier, { parentId, body: "Antwort" });
    const { id: deepId } = await comment(author, { parentId: replyId, body: "Antwort auf die Antwort" });
    await expect(comment(replier, { parentId: deepId, body: "zu tief" })).rejects.toMatchObject({ messageKey: "commentTooDeep" });
    const count = async (id: string) => (await db.select({ n: comments.replyCount }).from(comments).where(eq(comments.feedbackId, id)))[0]!.n;
    expect(await count(parentId)).toBe(1);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, author), eq(notifications.kind, "comment_reply")));
    expect(told).toHaveLength(1);
    expect(told[0]!.data).toMatchObject({ commentId: parentId, replyId });
    await db.transaction((tx) => eraseComment(tx, { commentId: replyId }));
    const [erased] = await db.select({ body: comments.body, deletedAt: comments.deletedAt }).from(comments).where(eq(comments.feedbackId, replyId));
    expect(erased!.body).toBe("");
    expect(erased!.deletedAt).not.toBeNull();
    expect(await count(parentId)).toBe(0);
    // The thread stays: the reply to the deleted reply is still there.
    expect((await db.select().from(comments).where(eq(comments.parentId, replyId))).length).toBe(1);
  });

  it("tells a proposal's author of a comment on it, and of a reply only once", async () => {
    const author = await person("Gül");
    const commenter = await person("Hans");
    const [chapter] = await db.select({ id: chapters.id }).from(chapters).where(eq(chapters.editionId, editionId)).limit(1);
    const [fb] = await db.insert(feedback).values({ kind: "proposal", editionId, authorId: author, groupId }).returning({ id: feedback.id });
    await db.insert(proposals).values({ feedbackId: fb!.id, chapterId: chapter!.id, title: "Sprachcafé", description: "Einmal pro Woche." });
    const { id: commentId } = await comment(commenter, { proposalId: fb!.id, body: "Gute Idee." });
    await comment(author, { parentId: commentId, body: "Danke!" });
    const { id: second } = await comment(author, { proposalId: fb!.id, body: "Eigener Kommentar." });
    await comment(commenter, { parentId: second, body: "Antwort an die Autorin." });
    const told = await db.select({ kind: notifications.kind, data: notifications.data, userId: notifications.userId }).from(notifications).where(eq(notifications.userId, author));
    // One for the comment on the proposal, one for the reply to her own comment (not two for it).
    expect(told.map((n) => n.kind).sort()).toEqual(["comment_reply", "proposal_comment"]);
    const [row] = await db.select({ proposalId: comments.proposalId, sectionId: comments.sectionId }).from(comments).where(eq(comments.feedbackId, commentId));
    expect(row).toEqual({ proposalId: fb!.id, sectionId: null });
    const toCommenter = await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, commenter));
    expect(toCommenter.map((n) => n.kind)).toEqual(["comment_reply"]);
  });

  it("creates one comment for 20 concurrent submissions with one key", async () => {
    const me = await person("Fatma");
    const key = crypto.randomUUID();
    const input = createCommentInput.parse({ sectionId, body: "Nur einmal", idempotencyKey: key });
    // On PostgreSQL through a pool of 20 connections, so the submissions really run at once.
    const wide = await widePool();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => wide.db.transaction(async (tx) => writeComment(tx, { authorId: me, input, target: await loadCommentTarget(tx, input) }))),
    );
    await wide.close();
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await db.select().from(feedback).where(eq(feedback.authorId, me));
    expect(rows).toHaveLength(1);
    expect((await db.select().from(comments).where(eq(comments.feedbackId, rows[0]!.id))).length).toBe(1);
  });
});

describe("reading a thread", () => {
  /** The same database through a drizzle instance whose logger counts the statements sent. */
  function counting(): { db: Db; count: () => number } {
    let n = 0;
    const logger = { logQuery: () => void n++ };
    const client = (db as unknown as { $client: unknown }).$client;
    const counted = (
      t.driver === "pglite" ? drizzlePglite(client as never, { schema, logger }) : drizzlePostgres(client as never, { schema, logger })
    ) as unknown as Db;
    return { db: counted, count: () => n };
  }

  async function sectionWith(n: number) {
    const [c] = await db.insert(chapters).values({ editionId, key: `k${n}-${crypto.randomUUID()}`, position: 9, title: "K" }).returning();
    const [s] = await db.insert(sections).values({ editionId, chapterId: c!.id, key: `s${n}-${crypto.randomUUID()}`, position: 1, title: "S" }).returning();
    const [r] = await db.insert(sectionRevisions).values({ sectionId: s!.id, number: 1, blocks: [{ key: "p1", kind: "paragraph", html: `<p>${paragraph}</p>` }] }).returning();
    const authorId = await person(`Viele ${n}`);
    const fb = await db
      .insert(feedback)
      .values(Array.from({ length: n }, (_, i) => ({ kind: "comment" as const, editionId, authorId, groupId, createdAt: new Date(Date.now() - i * 1000) })))
      .returning({ id: feedback.id });
    await db.insert(comments).values(
      fb.map((f, i) => ({
        feedbackId: f.id,
        sectionId: s!.id,
        body: `Kommentar ${i}`,
        paragraphKey: i % 2 ? "p1" : null,
        revisionId: i % 2 ? r!.id : null,
        quote: i % 2 ? "Wohnraum bleibt knapp." : null,
        quotePrefix: i % 2 ? "das Kreissozialamt. " : null,
        quoteSuffix: i % 2 ? "" : null,
        quoteOffset: i % 2 ? paragraph.indexOf("Wohnraum") : null,
      })),
    );
    // A reply to the newest, so an opened thread loads replies too.
    await comment(authorId, { parentId: fb[0]!.id, body: "Antwort" });
    return { sectionId: s!.id, sectionKey: s!.key, newest: fb[0]!.id };
  }

  it("sends the same few queries for 1,000 comments as for 10, and loads only the first page", async () => {
    const small = await sectionWith(10);
    const large = await sectionWith(1000);
    const run = async (s: { sectionId: string; newest: string }) => {
      const c = counting();
      const thread = await getCommentThread(c.db, { target: { sectionId: s.sectionId }, viewerId: null, locale: "de", openThreads: [s.newest] });
      return { thread, queries: c.count() };
    };
    const a = await run(small);
    const b = await run(large);
    expect(a.queries).toBe(b.queries);
    // The page with its counts, the open thread's replies, the revisions for re-anchoring.
    expect(b.queries).toBeLessThanOrEqual(3);
    expect(b.thread.comments).toHaveLength(20);
    expect(b.thread.total).toBe(1000);
    expect(b.thread.pages).toBe(50);
    expect(b.thread.paragraphCounts?.get("p1")).toBe(500);
    expect(b.thread.replies.get(large.newest)).toHaveLength(1);
    expect(b.thread.comments.find((c) => c.anchor?.quote)?.anchor?.state).toMatchObject({ status: "exact", current: "Wohnraum bleibt knapp." });
    expect(a.thread.comments).toHaveLength(10);
  });

  it("keeps the section page's reads at 7 statements with 1,000 comments (+ session, its touch and the bell: at most 10)", async () => {
    const large = await sectionWith(1000);
    const c = counting();
    const edition = await getEdition(c.db, { editionId });
    const found = await getSectionWithText(c.db, { editionId, sectionKey: large.sectionKey, asOf: null });
    const thread = await getCommentThread(c.db, {
      target: { sectionId: large.sectionId },
      viewerId: null,
      locale: "de",
      openThreads: [large.newest],
      currentRevision: found!.revision,
    });
    expect(edition).not.toBeNull();
    expect(thread.comments).toHaveLength(20);
    expect(c.count()).toBeLessThanOrEqual(7);
  });

  it("sorts by replies and hides deleted comments without replies", async () => {
    const s = await sectionWith(3);
    const thread = await getCommentThread(db, { target: { sectionId: s.sectionId }, viewerId: null, locale: "en", sort: "replies" });
    expect(thread.comments[0]!.id).toBe(s.newest);
    expect(thread.comments[0]!.appearance.group).toBe("Volunteers");
    await db.transaction((tx) => eraseComment(tx, { commentId: thread.comments[1]!.id }));
    const after = await getCommentThread(db, { target: { sectionId: s.sectionId }, viewerId: null, locale: "de" });
    expect(after.total).toBe(2);
    expect(after.comments.map((c) => c.id)).not.toContain(thread.comments[1]!.id);
  });
});
