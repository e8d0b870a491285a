import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editionEvents, mailOutbox, notifications, users } from "@/db/schema";
import { announceConsultationEvents, LAST_WEEK } from "@/server/notifications/announcements";
import { digestCutoff, sendNotificationDigests } from "@/server/notifications/digest";
import { notify } from "@/server/notifications/notify";
import { freshDatabase, type TestDatabase } from "./helpers/db";
import { makeComment, makeEdition, makeGroup, makeProposal, makeUser } from "./helpers/engagement-data";

let t: TestDatabase;
let groupId: string;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await freshDatabase();
  groupId = await makeGroup(t.db);
});
afterAll(async () => {
  await t?.close();
});

const mailsTo = (address: string) => t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));
const notificationsOf = (userId: string) => t.db.select().from(notifications).where(eq(notifications.userId, userId));

/** A section comment by `author` and a reply to it by `replier`. */
async function thread(author: string, replier: string) {
  const edition = await makeEdition(t.db, { phase: "consultation" });
  const commentId = await makeComment(t.db, { editionId: edition.id, authorId: author, groupId, sectionId: edition.sectionId, body: "Mehr Sozialwohnungen." });
  const replyId = await makeComment(t.db, { editionId: edition.id, authorId: replier, groupId, sectionId: edition.sectionId, parentId: commentId, body: "Stimmt." });
  return { edition, commentId, replyId };
}

describe("notify", () => {
  it("stores ids only and mails at once in the recipient's language, with a link to the reply", async () => {
    const author = await makeUser(t.db, { groupId, locale: "en" });
    const replier = await makeUser(t.db, { groupId });
    const { edition, commentId, replyId } = await thread(author.id, replier.id);
    await t.db.transaction((tx) => notify(tx, { recipientId: author.id, actorId: replier.id, event: { kind: "comment_reply", editionId: edition.id, commentId, replyId } }));
    const [n] = await notificationsOf(author.id);
    expect(n!.kind).toBe("comment_reply");
    expect(n!.data).toEqual({ editionId: edition.id, commentId, replyId });
    expect(n!.emailedAt).not.toBeNull();
    const mails = await mailsTo(author.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Planwerk: Reply to your comment");
    expect(mails[0]!.textBody).toContain("Someone replied to your comment in section “Sozialer Wohnungsbau”.");
    expect(mails[0]!.textBody).toContain(`/editions/${edition.id}/sections/${edition.sectionKey}#comment-${replyId}`);
    // The reply's text is not in the mail: the person reads it where it stands.
    expect(mails[0]!.textBody).not.toContain("Stimmt.");
  });

  it("writes German for a German reader, names the proposal", async () => {
    const author = await makeUser(t.db, { groupId });
    const other = await makeUser(t.db, { groupId });
    const edition = await makeEdition(t.db, {});
    const proposalId = await makeProposal(t.db, { editionId: edition.id, chapterId: edition.chapterId, authorId: author.id, groupId, title: "Sprachcafé", description: "x" });
    const commentId = await makeComment(t.db, { editionId: edition.id, authorId: other.id, groupId, proposalId, body: "Gute Idee." });
    await notify(t.db, { recipientId: author.id, actorId: other.id, event: { kind: "proposal_comment", editionId: edition.id, proposalId, commentId } });
    const [mail] = await mailsTo(author.email);
    expect(mail!.subject).toBe("Planwerk: Kommentar zu Ihrem Vorschlag");
    expect(mail!.textBody).toContain("Zu Ihrem Vorschlag „Sprachcafé“ gibt es einen neuen Kommentar.");
    expect(mail!.textBody).toContain(`/editions/${edition.id}/proposals/${proposalId}#comment-${commentId}`);
  });

  it("tells nobody of their own doing, nor an inactive account", async () => {
    const me = await makeUser(t.db, { groupId });
    const gone = await makeUser(t.db, { groupId, active: false });
    const { edition, commentId, replyId } = await thread(me.id, me.id);
    const event = { kind: "comment_reply" as const, editionId: edition.id, commentId, replyId };
    await notify(t.db, { recipientId: me.id, actorId: me.id, event });
    await notify(t.db, { recipientId: gone.id, actorId: me.id, event });
    expect(await notificationsOf(me.id)).toHaveLength(0);
    expect(await notificationsOf(gone.id)).toHaveLength(0);
    expect(await mailsTo(me.email)).toHaveLength(0);
  });

  it("is undone with the transaction that caused it", async () => {
    const author = await makeUser(t.db, { groupId });
    const replier = await makeUser(t.db, { groupId });
    const { edition, commentId, replyId } = await thread(author.id, replier.id);
    await t.db
      .transaction(async (tx) => {
        await notify(tx, { recipientId: author.id, actorId: replier.id, event: { kind: "comment_reply", editionId: edition.id, commentId, replyId } });
        throw new Error("the reply failed");
      })
      .catch(() => undefined);
    expect(await notificationsOf(author.id)).toHaveLength(0);
    expect(await mailsTo(author.email)).toHaveLength(0);
  });

  it("sends no mail when mail is off, but the notification is in the app", async () => {
    const author = await makeUser(t.db, { groupId, frequency: "off" });
    const replier = await makeUser(t.db, { groupId });
    const { edition, commentId, replyId } = await thread(author.id, replier.id);
    await notify(t.db, { recipientId: author.id, actorId: replier.id, event: { kind: "comment_reply", editionId: edition.id, commentId, replyId } });
    expect(await notificationsOf(author.id)).toHaveLength(1);
    expect(await mailsTo(author.email)).toHaveLength(0);
    expect(await sendNotificationDigests(t.db, new Date(Date.now() + 2 * DAY))).toBeGreaterThanOrEqual(0);
    expect(await mailsTo(author.email)).toHaveLength(0);
  });
});

describe("daily digest", () => {
  it("computes the day's digest moment at 7:00 in Göppingen, summer and winter", () => {
    expect(digestCutoff(new Date("2026-01-15T06:30:00Z")).toISOString()).toBe("2026-01-15T06:00:00.000Z");
    expect(digestCutoff(new Date("2026-01-15T05:59:00Z")).toISOString()).toBe("2026-01-14T06:00:00.000Z");
    expect(digestCutoff(new Date("2026-07-15T05:00:00Z")).toISOString()).toBe("2026-07-15T05:00:00.000Z");
    expect(digestCutoff(new Date("2026-07-15T04:30:00Z")).toISOString()).toBe("2026-07-14T05:00:00.000Z");
  });

  it("sends nothing at once, then one mail with all unsent notifications after 7:00, once", async () => {
    const author = await makeUser(t.db, { groupId, frequency: "daily" });
    const replier = await makeUser(t.db, { groupId });
    const a = await thread(author.id, replier.id);
    const b = await thread(author.id, replier.id);
    await notify(t.db, { recipientId: author.id, actorId: replier.id, event: { kind: "comment_reply", editionId: a.edition.id, commentId: a.commentId, replyId: a.replyId } });
    await notify(t.db, { recipientId: author.id, actorId: replier.id, event: { kind: "comment_reply", editionId: b.edition.id, commentId: b.commentId, replyId: b.replyId } });
    expect(await mailsTo(author.email)).toHaveLength(0);
    const rows = await notificationsOf(author.id);
    expect(rows.every((r) => r.emailedAt === null)).toBe(true);

    // Before the next 7:00 (the notifications are newer than the last one) nothing goes out.
    const created = Math.max(...rows.map((r) => r.createdAt.getTime()));
    const nextCutoff = digestCutoff(new Date(created + DAY));
    const before = new Date(nextCutoff.getTime() - 60_000);
    if (digestCutoff(before).getTime() <= created) {
      await sendNotificationDigests(t.db, before);
      expect(await mailsTo(author.email)).toHaveLength(0);
    }

    const after = new Date(nextCutoff.getTime() + 60_000);
    // Two instances at once: the notifications are claimed by one of them.
    await Promise.all([sendNotificationDigests(t.db, after), sendNotificationDigests(t.db, after)]);
    const mails = await mailsTo(author.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.kind).toBe("notification_digest");
    expect(mails[0]!.subject).toBe("Planwerk: Ihre Benachrichtigungen des Tages (2)");
    expect(mails[0]!.textBody).toContain(`#comment-${a.replyId}`);
    expect(mails[0]!.textBody).toContain(`#comment-${b.replyId}`);
    expect((await notificationsOf(author.id)).every((r) => r.emailedAt !== null)).toBe(true);

    await sendNotificationDigests(t.db, new Date(after.getTime() + 3 * DAY));
    expect(await mailsTo(author.email)).toHaveLength(1);
  });
});

describe("announcements", () => {
  it("announce the opening once to the accounts that existed then, whatever the number of instances", async () => {
    const now = new Date();
    const early = await makeUser(t.db, { groupId, createdAt: new Date(now.getTime() - 10 * DAY) });
    const earlyEn = await makeUser(t.db, { groupId, locale: "en", createdAt: new Date(now.getTime() - 10 * DAY) });
    const digest = await makeUser(t.db, { groupId, frequency: "daily", createdAt: new Date(now.getTime() - 10 * DAY) });
    const late = await makeUser(t.db, { groupId });
    const edition = await makeEdition(t.db, { phase: "consultation", opensAt: new Date(now.getTime() - HOUR), closesAt: new Date(now.getTime() + 30 * DAY), title: "Integrationsplan 2031" });
    await Promise.all([announceConsultationEvents(t.db, now), announceConsultationEvents(t.db, now)]);
    await announceConsultationEvents(t.db, now);
    const told = await t.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.kind, "consultation_opened"), inArray(notifications.userId, [early.id, earlyEn.id, digest.id, late.id])));
    expect(told.map((r) => r.userId).sort()).toEqual([early.id, earlyEn.id, digest.id].sort());
    expect(await t.db.select().from(editionEvents).where(eq(editionEvents.editionId, edition.id))).toHaveLength(1);
    const [de] = await mailsTo(early.email);
    expect(de!.subject).toBe("Planwerk: Die Beteiligung hat begonnen");
    expect(de!.textBody).toMatch(/Die Beteiligung zu „Integrationsplan 2031“ hat begonnen\. Sie läuft bis .+ Uhr\./);
    const [en] = await mailsTo(earlyEn.email);
    expect(en!.subject).toBe("Planwerk: The consultation has begun");
    expect(await mailsTo(digest.email)).toHaveLength(0);
    expect(await mailsTo(late.email)).toHaveLength(0);
  });

  it("announce the last week once, and not for a draft or a closed window", async () => {
    const now = new Date();
    const member = await makeUser(t.db, { groupId, createdAt: new Date(now.getTime() - 60 * DAY) });
    const lastWeek = await makeEdition(t.db, { phase: "consultation", opensAt: new Date(now.getTime() - 40 * DAY), closesAt: new Date(now.getTime() + LAST_WEEK - HOUR) });
    const draft = await makeEdition(t.db, { phase: "draft", opensAt: new Date(now.getTime() - HOUR), closesAt: new Date(now.getTime() + DAY) });
    const closed = await makeEdition(t.db, { phase: "consultation", opensAt: new Date(now.getTime() - 3 * DAY + HOUR), closesAt: new Date(now.getTime() - HOUR) });
    await announceConsultationEvents(t.db, now);
    await announceConsultationEvents(t.db, now);
    const mine = await notificationsOf(member.id);
    const about = (id: string) => mine.filter((n) => n.data.editionId === id).map((n) => n.kind);
    expect(about(lastWeek.id)).toEqual(["consultation_last_week"]);
    expect(about(draft.id)).toEqual([]);
    expect(about(closed.id)).toEqual([]);
    const mails = await mailsTo(member.email);
    expect(mails.map((m) => m.subject)).toContain("Planwerk: Letzte Woche der Beteiligung");
  });

  it("does not announce an opening long past (after an outage, or when this first runs)", async () => {
    const now = new Date();
    const member = await makeUser(t.db, { groupId, createdAt: new Date(now.getTime() - 90 * DAY) });
    const old = await makeEdition(t.db, { phase: "consultation", opensAt: new Date(now.getTime() - 20 * DAY), closesAt: new Date(now.getTime() + 30 * DAY) });
    await announceConsultationEvents(t.db, now);
    expect((await notificationsOf(member.id)).filter((n) => n.data.editionId === old.id)).toHaveLength(0);
  });
});

describe("settings", () => {
  it("a person's frequency is stored on the account (default: immediately)", async () => {
    const u = await makeUser(t.db, { groupId });
    const [row] = await t.db.select({ f: users.notificationFrequency }).from(users).where(eq(users.id, u.id));
    expect(row!.f).toBe("immediately");
  });
});
