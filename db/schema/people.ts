import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { displayModeEnum, localeEnum, notificationFrequencyEnum, roleEnum } from "./enums";

export const municipalities = pgTable("municipalities", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
});

export const stakeholderGroups = pgTable("stakeholder_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  nameDe: text("name_de").notNull(),
  nameEn: text("name_en").notNull(),
  position: integer("position").notNull(),
});

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique(),
    name: text("name").notNull(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => stakeholderGroups.id, { onDelete: "restrict" }),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("organisations_group_idx").on(t.groupId)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-case; the unique index below makes a second account for one address impossible.
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => stakeholderGroups.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "set null" }),
    displayMode: displayModeEnum("display_mode").notNull().default("name_and_org"),
    locale: localeEnum("locale").notNull().default("de"),
    /** How the person wants to hear of replies and other events by e-mail (in the app they always appear). */
    notificationFrequency: notificationFrequencyEnum("notification_frequency").notNull().default("immediately"),
    passwordHash: text("password_hash"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** When the person accepted the terms of use (on accepting the invitation). */
    termsAcceptedAt: timestamp("terms_accepted_at", { withTimezone: true }),
    active: boolean("active").notNull().default(true),
    /** Seeded for demo mode only: outside demo mode such an account cannot sign in or keep a session. */
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_group_idx").on(t.groupId),
    index("users_organisation_idx").on(t.organisationId),
  ],
);

/** One row per sign-in. The JWT only names this row; deleting it signs the person out everywhere it is used. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: text("method").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute; a session idle for longer than the idle limit ends. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** next-auth e-mail sign-in tokens (stored hashed by next-auth). */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /** The officer withdrew the invitation; its link no longer works. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("invitations_user_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Organisation = typeof organisations.$inferSelect;
export type StakeholderGroup = typeof stakeholderGroups.$inferSelect;
export type Session = typeof sessions.$inferSelect;
