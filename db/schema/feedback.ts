import { type AnyPgColumn, check, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { dispositionEnum, feedbackKindEnum, feedbackSourceEnum, reportStatusEnum, voteChoiceEnum } from "./enums";
import { organisations, stakeholderGroups, users } from "./people";
import { chapters, editions, sectionRevisions, sections } from "./plans";

/**
 * A piece of feedback: the one thing answers, reports, tags and revision links point at.
 * Comments and proposals each add their own row keyed by the same id (class-table inheritance),
 * so every reference is a real foreign key to `feedback.id` whatever the kind.
 */
export const feedback = pgTable(
  "feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: feedbackKindEnum("kind").notNull(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** The author's group and organisation as they were when written. */
    groupId: uuid("group_id")
      .notNull()
      .references(() => stakeholderGroups.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    source: feedbackSourceEnum("source").notNull().default("platform"),
    /** For input from workshops and letters: when it reached the office. */
    receivedAt: timestamp("received_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("feedback_edition_kind_idx").on(t.editionId, t.kind),
    index("feedback_author_idx").on(t.authorId),
    check("feedback_has_author_or_source", sql`${t.authorId} is not null or ${t.source} <> 'platform'`),
  ],
);

export const comments = pgTable(
  "comments",
  {
    feedbackId: uuid("feedback_id")
      .primaryKey()
      .references(() => feedback.id, { onDelete: "cascade" }),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.feedbackId, { onDelete: "cascade" }),
    /** Anchor: paragraph and the revision the author saw, plus quote context to re-find it after edits. */
    paragraphKey: text("paragraph_key"),
    revisionId: uuid("revision_id").references(() => sectionRevisions.id, { onDelete: "set null" }),
    quote: text("quote"),
    quotePrefix: text("quote_prefix"),
    quoteSuffix: text("quote_suffix"),
    body: text("body").notNull(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("comments_section_idx").on(t.sectionId), index("comments_parent_idx").on(t.parentId)],
);

export const proposals = pgTable(
  "proposals",
  {
    feedbackId: uuid("feedback_id")
      .primaryKey()
      .references(() => feedback.id, { onDelete: "cascade" }),
    chapterId: uuid("chapter_id")
      .notNull()
      .references(() => chapters.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    responsibleActor: text("responsible_actor"),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("proposals_chapter_idx").on(t.chapterId)],
);

export const votes = pgTable(
  "votes",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.feedbackId, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    choice: voteChoiceEnum("choice").notNull(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => stakeholderGroups.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index("votes_proposal_group_idx").on(t.proposalId, t.groupId)],
);

/** The officer's disposition (Abwägung) of one piece of feedback. */
export const answers = pgTable("answers", {
  id: uuid("id").primaryKey().defaultRandom(),
  feedbackId: uuid("feedback_id")
    .notNull()
    .unique()
    .references(() => feedback.id, { onDelete: "cascade" }),
  disposition: dispositionEnum("disposition").notNull(),
  reason: text("reason").notNull(),
  answeredBy: uuid("answered_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp("published_at", { withTimezone: true }),
});

/** Which revisions carry out which feedback. */
export const revisionFeedback = pgTable(
  "revision_feedback",
  {
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => sectionRevisions.id, { onDelete: "cascade" }),
    feedbackId: uuid("feedback_id")
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.feedbackId] }), index("revision_feedback_feedback_idx").on(t.feedbackId)],
);

export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    feedbackId: uuid("feedback_id")
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    status: reportStatusEnum("status").notNull().default("open"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("reports_feedback_reporter_unique").on(t.feedbackId, t.reporterId), index("reports_status_idx").on(t.status)],
);

export const tags = pgTable(
  "tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [unique("tags_edition_name_unique").on(t.editionId, t.name)],
);

export const feedbackTags = pgTable(
  "feedback_tags",
  {
    feedbackId: uuid("feedback_id")
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.feedbackId, t.tagId] }), index("feedback_tags_tag_idx").on(t.tagId)],
);

export type Feedback = typeof feedback.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Proposal = typeof proposals.$inferSelect;
export type Vote = typeof votes.$inferSelect;
export type Answer = typeof answers.$inferSelect;
