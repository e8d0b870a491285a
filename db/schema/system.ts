import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./people";
import { editions } from "./plans";

const sqlPending = sql`sent_at is null and failed_at is null`;

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** Ids only (feedback, edition, …); the text is rendered from them in the reader's language. */
    data: jsonb("data").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** When it went out by e-mail (at once or in a daily digest); null while due or when mail is off. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt), index("notifications_unread_idx").on(t.userId).where(sql`read_at is null`)],
);

/** Written in the transaction that causes the mail; a sender loop delivers it (server/mail/sender.ts). */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /** The one link the mail is about (sign-in, invitation), for the demo outbox page. */
    link: text("link"),
    /** When the link's token expires: an unsent mail is not delivered after it, and its link is erased. */
    linkExpiresAt: timestamp("link_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** 0: someone waits for it (sign-in link, invitation, reply); 1: a mass mailing (announcements, digests), sent after. */
    priority: integer("priority").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [index("mail_outbox_pending_idx").on(t.priority, t.nextAttemptAt).where(sqlPending)],
);

/**
 * Append-only (a trigger refuses UPDATE and DELETE). Refers to people and content by id only —
 * never names, addresses or text — so erasing a person's data leaves the log intact and harmless.
 * No foreign keys: the ids must outlive what they point at.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (t) => [index("audit_log_target_idx").on(t.targetType, t.targetId), index("audit_log_actor_idx").on(t.actorId)],
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * Fixed-window counters for rate limits (server/security/rate-limit.ts), kept in PostgreSQL so
 * that every app instance counts against the same limit.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [index("rate_limits_window_idx").on(t.windowStart)],
);

/**
 * Events of an edition that are announced once (the consultation opened, its last week began):
 * the row is written in the transaction that notifies everyone, so several instances or a restart
 * never announce twice.
 */
export const editionEvents = pgTable(
  "edition_events",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.kind] })],
);
