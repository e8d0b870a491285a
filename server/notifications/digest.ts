import { and, eq, isNull, lt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { enqueueMail } from "../mail/outbox";
import { eventOf, type NotificationEvent } from "./events";
import { digestMail } from "./mail";
import { loadNotificationContext, renderNotification } from "./render";

/** The daily digest goes out at this hour, county time. */
export const DIGEST_HOUR = 7;
const TIME_ZONE = "Europe/Berlin";

/** The latest DIGEST_HOUR:00 in Göppingen at or before `now`. */
export function digestCutoff(now: Date): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wallAsUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = wallAsUtc - Math.floor(now.getTime() / 1000) * 1000;
  let cutoff = Date.UTC(parts.year!, parts.month! - 1, parts.day!, DIGEST_HOUR) - offset;
  if (cutoff > now.getTime()) cutoff -= 24 * 60 * 60 * 1000;
  return new Date(cutoff);
}

/**
 * Sends each person who chose "daily" one mail with all their notifications not yet mailed, once
 * a notification has waited past the day's digest hour — so at most one digest a day. Each
 * person's notifications are claimed by one UPDATE (emailed_at) in the transaction that queues
 * the mail, so several instances or a retry never send one twice. Returns the mails queued.
 */
export async function sendNotificationDigests(db: Db, now: Date = new Date()): Promise<number> {
  const cutoff = digestCutoff(now);
  const due = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(isNull(notifications.emailedAt), lt(notifications.createdAt, cutoff), eq(users.notificationFrequency, "daily"), eq(users.active, true)));
  let sent = 0;
  for (const { userId } of due) {
    sent += await db.transaction(async (tx) => {
      const [user] = await tx.select({ email: users.email, locale: users.locale, frequency: users.notificationFrequency }).from(users).where(eq(users.id, userId));
      if (!user || user.frequency !== "daily") return 0;
      const claimed = await tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(and(eq(notifications.userId, userId), isNull(notifications.emailedAt), lte(notifications.createdAt, now)))
        .returning({ id: notifications.id, kind: notifications.kind, data: notifications.data, createdAt: notifications.createdAt });
      const events = claimed
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((n) => eventOf(n.kind, n.data))
        .filter((e): e is NotificationEvent => e !== null);
      if (events.length === 0) return 0;
      const ctx = await loadNotificationContext(tx, events);
      await enqueueMail(tx, digestMail({ to: user.email, locale: user.locale, items: events.map((e) => renderNotification(e, ctx, user.locale)) }), { bulk: true });
      return 1;
    });
  }
  return sent;
}

