import { and, eq, gt, isNull, lt, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { editionEvents, editions, notifications, users } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { enqueueMail } from "../mail/outbox";
import { eventData, type NotificationEvent } from "./events";
import { notificationMail } from "./mail";
import { loadNotificationContext, renderNotification } from "./render";

const DAY = 24 * 60 * 60 * 1000;
/** The last week begins this long before the window closes. */
export const LAST_WEEK = 7 * DAY;
/**
 * An announcement is news only for a while: after an outage (or when this feature first runs
 * against editions that opened long ago) older moments are not announced any more.
 */
export const ANNOUNCE_WITHIN = 3 * DAY;

type Kind = "consultation_opened" | "consultation_last_week";

/**
 * Announces the consultation's opening and its last week, each once per edition: the
 * edition_events row (primary key edition + kind) is written in the transaction that notifies
 * everyone, so several instances or a restart never announce twice. Those told are the active
 * accounts that existed at that moment (someone invited later reads the window on every page).
 * Called from the housekeeping timer; returns the announcements made.
 */
export async function announceConsultationEvents(db: Db, now: Date = new Date()): Promise<number> {
  const open = await db
    .select({ id: editions.id, opensAt: editions.opensAt, closesAt: editions.closesAt })
    .from(editions)
    .where(and(eq(editions.phase, "consultation"), or(isNull(editions.opensAt), lte(editions.opensAt, now)), or(isNull(editions.closesAt), gt(editions.closesAt, now))));
  let made = 0;
  for (const e of open) {
    // Without a start date the window opened when the phase began; that moment is not stored, so it is not announced.
    if (e.opensAt && now.getTime() - e.opensAt.getTime() <= ANNOUNCE_WITHIN) {
      made += await announce(db, { editionId: e.id, kind: "consultation_opened", at: e.opensAt });
    }
    if (e.closesAt) {
      const lastWeek = new Date(e.closesAt.getTime() - LAST_WEEK);
      if (lastWeek <= now && now.getTime() - lastWeek.getTime() <= ANNOUNCE_WITHIN) {
        made += await announce(db, { editionId: e.id, kind: "consultation_last_week", at: lastWeek });
      }
    }
  }
  return made;
}

async function announce(db: Db, { editionId, kind, at }: { editionId: string; kind: Kind; at: Date }): Promise<number> {
  return db.transaction(async (tx) => {
    const recipients = await tx
      .select({ id: users.id, email: users.email, locale: users.locale, frequency: users.notificationFrequency })
      .from(users)
      .where(and(eq(users.active, true), lt(users.createdAt, at)));
    // Nobody to tell (everyone joined later): nothing is written, and nothing will be — accounts do not grow older.
    if (recipients.length === 0) return 0;
    const [first] = await tx.insert(editionEvents).values({ editionId, kind }).onConflictDoNothing().returning({ kind: editionEvents.kind });
    if (!first) return 0;
    const event: NotificationEvent = { kind, editionId };
    const sentAt = new Date();
    await tx.insert(notifications).values(
      recipients.map((r) => ({ userId: r.id, kind, data: eventData(event), emailedAt: r.frequency === "immediately" ? sentAt : null })),
    );
    const ctx = await loadNotificationContext(tx, [event]);
    const rendered = new Map<Locale, ReturnType<typeof renderNotification>>();
    for (const r of recipients) {
      if (r.frequency !== "immediately") continue;
      if (!rendered.has(r.locale)) rendered.set(r.locale, renderNotification(event, ctx, r.locale));
      await enqueueMail(tx, notificationMail({ to: r.email, locale: r.locale, item: rendered.get(r.locale)! }), { bulk: true });
    }
    return 1;
  });
}
