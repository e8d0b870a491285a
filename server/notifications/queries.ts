import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications, users } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { eventOf, type NotificationEvent } from "./events";
import { loadNotificationContext, renderNotification, type RenderedNotification } from "./render";

export const NOTIFICATIONS_SHOWN = 50;

export async function countUnreadNotifications(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export type NotificationItem = RenderedNotification & { id: string; createdAt: Date; read: boolean };

/** One's newest notifications, rendered in the reader's language (at most five queries). */
export async function listNotifications(db: DbOrTx, { userId, locale, limit = NOTIFICATIONS_SHOWN }: { userId: string; locale: Locale; limit?: number }): Promise<NotificationItem[]> {
  const rows = await db
    .select({ id: notifications.id, kind: notifications.kind, data: notifications.data, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const known = rows.map((r) => ({ row: r, event: eventOf(r.kind, r.data) })).filter((x): x is { row: (typeof rows)[number]; event: NotificationEvent } => x.event !== null);
  const ctx = await loadNotificationContext(
    db,
    known.map((k) => k.event),
  );
  return known.map(({ row, event }) => ({ ...renderNotification(event, ctx, locale), id: row.id, createdAt: row.createdAt, read: row.readAt !== null }));
}

export async function getNotificationFrequency(db: DbOrTx, { userId }: { userId: string }) {
  const [row] = await db.select({ frequency: users.notificationFrequency }).from(users).where(eq(users.id, userId));
  return row?.frequency ?? "immediately";
}
