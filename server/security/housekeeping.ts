import { getDatabase } from "@/db/client";
import { log } from "../log";
import { expireMailLinks } from "../mail/sender";
import { announceConsultationEvents } from "../notifications/announcements";
import { sendNotificationDigests } from "../notifications/digest";
import { purgeRateLimits } from "./rate-limit";

const g = globalThis as unknown as { __planwerkHousekeeping?: NodeJS.Timeout };

/** Once a minute per process: erase expired links from unsent mails, forget old rate-limit counters, announce consultation openings and last weeks, send daily notification digests. Safe to run on several instances. */
export function startHousekeeping(intervalMs = 60_000): void {
  if (g.__planwerkHousekeeping) return;
  const tick = async () => {
    try {
      const db = await getDatabase();
      await expireMailLinks(db);
      await purgeRateLimits(db);
      await announceConsultationEvents(db);
      await sendNotificationDigests(db);
    } catch (e) {
      log.error({ err: e }, "housekeeping failed");
    }
  };
  g.__planwerkHousekeeping = setInterval(tick, intervalMs);
  g.__planwerkHousekeeping.unref();
  void tick();
}
