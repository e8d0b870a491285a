import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { enqueueMail } from "../mail/outbox";
import { eventData, type NotificationEvent } from "./events";
import { notificationMail } from "./mail";
import { loadNotificationContext, renderNotification } from "./render";

export type { NotificationEvent } from "./events";

/**
 * Tells one person of an event, in the caller's transaction: the in-app row (ids only) and, when
 * the person wants mail at once, the mail in their language through the outbox ("daily" waits for
 * the digest, "off" sends none). Nobody is told of their own doing, nor an inactive account.
 */
export async function notify(tx: DbOrTx, args: { recipientId: string; actorId: string | null; event: NotificationEvent }): Promise<void> {
  const { recipientId, actorId, event } = args;
  if (recipientId === actorId) return;
  const [recipient] = await tx
    .select({ email: users.email, locale: users.locale, frequency: users.notificationFrequency, active: users.active })
    .from(users)
    .where(eq(users.id, recipientId));
  if (!recipient?.active) return;
  const immediately = recipient.frequency === "immediately";
  await tx.insert(notifications).values({ userId: recipientId, kind: event.kind, data: eventData(event), emailedAt: immediately ? new Date() : null });
  if (!immediately) return;
  const item = renderNotification(event, await loadNotificationContext(tx, [event]), recipient.locale);
  // Announcements go to everyone at once: they queue behind the mails a person waits for.
  await enqueueMail(tx, notificationMail({ to: recipient.email, locale: recipient.locale, item }), { bulk: event.kind === "consultation_opened" || event.kind === "consultation_last_week" });
}
