import { eq } from "drizzle-orm";
import * as schema from "../../db/schema";
import { notify, type NotificationEvent } from "../../server/notifications/notify";
import { createEdition, db } from "./factories";

const DAY = 86_400_000;

/** An edition of its own with one section: open (a month left), closed yesterday, or a draft. */
export async function engagementEdition(kind: "open" | "closed" | "draft", text = "Ein Absatz über Integrationskurse und bezahlbare Wohnungen.") {
  const now = Date.now();
  const window =
    kind === "open"
      ? { phase: "consultation" as const, opensAt: new Date(now - DAY), closesAt: new Date(now + 30 * DAY) }
      : kind === "closed"
        ? { phase: "consultation" as const, opensAt: new Date(now - 10 * DAY), closesAt: new Date(now - DAY) }
        : { phase: "draft" as const, opensAt: null, closesAt: null };
  return createEdition({ ...window, revisions: [{ text, at: new Date(now - 2 * DAY) }] });
}

/** A comment (or a reply, with parentId) by `authorId` on the edition's section, written as the comments domain writes it. */
export async function createSectionComment({ editionId, sectionId, authorId, parentId, body }: { editionId: string; sectionId: string; authorId: string; parentId?: string; body: string }) {
  const [author] = await db()
    .select({ groupId: schema.users.groupId, organisationId: schema.users.organisationId, municipalityId: schema.users.municipalityId })
    .from(schema.users)
    .where(eq(schema.users.id, authorId));
  const [fb] = await db()
    .insert(schema.feedback)
    .values({ kind: "comment", editionId, authorId, groupId: author!.groupId, organisationId: author!.organisationId, municipalityId: author!.municipalityId })
    .returning({ id: schema.feedback.id });
  await db().insert(schema.comments).values({ feedbackId: fb!.id, sectionId, parentId: parentId ?? null, body });
  return fb!.id;
}

/** A reply by `replierId` to `commentId`, with the notification its author gets (as the comments action sends it). */
export async function replyWithNotification({ editionId, sectionId, commentId, authorId, replierId, body }: { editionId: string; sectionId: string; commentId: string; authorId: string; replierId: string; body: string }) {
  const replyId = await createSectionComment({ editionId, sectionId, authorId: replierId, parentId: commentId, body });
  const event: NotificationEvent = { kind: "comment_reply", editionId, commentId, replyId };
  await notify(db(), { recipientId: authorId, actorId: replierId, event });
  return replyId;
}

export async function reportsOf(feedbackId: string) {
  return db().select().from(schema.reports).where(eq(schema.reports.feedbackId, feedbackId));
}
