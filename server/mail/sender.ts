import { and, asc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { getDatabase, type Db, type DbOrTx } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { log } from "../log";

const MAX_ATTEMPTS = 8;
/** What a stored mail says where its link was, once the link is no longer needed. */
export const LINK_REMOVED = "[Link entfernt / link removed]";
const scrubbed = sql`replace(${mailOutbox.textBody}, ${mailOutbox.link}, ${LINK_REMOVED})`;

/**
 * Unsent mails whose link has expired are not sent any more, and their stored copy loses the link:
 * a secret link never outlives its token in the database.
 */
export async function expireMailLinks(db: DbOrTx, now?: Date): Promise<number> {
  const rows = await db
    .update(mailOutbox)
    .set({ textBody: scrubbed, link: null, failedAt: now ?? sql`now()`, lastError: "link expired before it was sent" })
    .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), isNotNull(mailOutbox.link), lte(mailOutbox.linkExpiresAt, now ?? sql`now()`)))
    .returning({ id: mailOutbox.id });
  return rows.length;
}
const BATCH = 20;

/** 30 s, 1 min, 2 min … capped at one hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/**
 * Sends due mails. Each row is claimed with FOR UPDATE SKIP LOCKED inside its own transaction and
 * marked sent before commit, so several instances never send the same mail twice and a crash
 * before commit leaves the row to be retried.
 */
/**
 * `now` defaults to the database's clock: a row stamped by the database a few microseconds ago is
 * due, which a millisecond JavaScript date taken in the same millisecond would not see.
 */
export async function deliverDueMails(db: Db, transport: Pick<Transporter, "sendMail">, from: string, now?: Date): Promise<number> {
  let sent = 0;
  await expireMailLinks(db, now);
  for (let i = 0; i < BATCH; i++) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(mailOutbox)
        .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, now ?? sql`now()`)))
        .orderBy(asc(mailOutbox.priority), asc(mailOutbox.nextAttemptAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return null;
      try {
        await transport.sendMail({ from, to: row.toAddress, subject: row.subject, text: row.textBody });
        // Sent: the stored copy keeps no usable link.
        await tx.update(mailOutbox).set({ sentAt: new Date(), attempts: row.attempts + 1, lastError: null, textBody: row.link ? scrubbed : row.textBody, link: null }).where(eq(mailOutbox.id, row.id));
        return "sent";
      } catch (e) {
        const attempts = row.attempts + 1;
        const failed = attempts >= MAX_ATTEMPTS;
        await tx
          .update(mailOutbox)
          .set({
            attempts,
            lastError: String((e as Error).message).slice(0, 500),
            nextAttemptAt: sql`now() + ${`${backoffMs(attempts)} milliseconds`}::interval`,
            failedAt: failed ? new Date() : null,
          })
          .where(eq(mailOutbox.id, row.id));
        log.warn({ mailId: row.id, attempts, err: (e as Error).message }, failed ? "mail failed for good" : "mail delivery failed, will retry");
        return "retry";
      }
    });
    if (done === null) break;
    if (done === "sent") sent++;
  }
  return sent;
}

const g = globalThis as unknown as { __planwerkMailTimer?: NodeJS.Timeout };

/** Started once per server process; without SMTP_URL mails stay in the outbox. */
export function startMailSender(intervalMs = Number(process.env.MAIL_POLL_MS || 2000)): void {
  const url = process.env.SMTP_URL;
  if (!url || g.__planwerkMailTimer) {
    if (!url) log.info("SMTP_URL not set: mails stay in the outbox");
    return;
  }
  const from = process.env.MAIL_FROM || "Planwerk <planwerk@localhost>";
  let running = false;
  const transport = import("nodemailer").then((nodemailer) => nodemailer.createTransport(url));
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueMails(await getDatabase(), await transport, from);
    } catch (e) {
      log.error({ err: e }, "mail sender tick failed");
    } finally {
      running = false;
    }
  };
  g.__planwerkMailTimer = setInterval(tick, intervalMs);
  g.__planwerkMailTimer.unref();
}
