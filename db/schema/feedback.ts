import { type AnyPgColumn, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { dispositionEnum, feedbackKindEnum, feedbackSourceEnum, reportReasonEnum, reportStatusEnum, voteChoiceEnum } from "./enums";
import { municipalities, organisations, stakeholderGroups, users } from "./people";
import { chapters, editions, sectionRevisions, sections, tsvector } from "./plans";

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
    // A person with contributions is never deleted with them: erasure anonymises in place.
    authorId: uuid("author_id").references(() => users.id, { onDelete: "restrict" }),
    /** The author's group, organisation and municipality as they were when written. */
    groupId: uuid("group_id")
      .notNull()
      .references(() => stakeholderGroups.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "set null" }),
    source: feedbackSourceEnum("source").notNull().default("platform"),
    /** For input from workshops and letters: when it reached the office. */
    receivedAt: timestamp("received_at", { withTimezone: true }),
    /** Set when the author's account was erased: the contribution stays, without its author. */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    /** One per submission from the client: a double click or a retried request never creates two. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("feedback_edition_kind_idx").on(t.editionId, t.kind),
    index("feedback_author_idx").on(t.authorId),
    uniqueIndex("feedback_idempotency_unique").on(t.authorId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    check("feedback_has_author_or_source", sql`${t.authorId} is not null or ${t.source} <> 'platform' or ${t.anonymisedAt} is not null`),
  ],
);

export const comments = pgTable(
  "comments",
  {
    feedbackId: uuid("feedback_id")
      .primaryKey()
      .references(() => feedback.id, { onDelete: "cascade" }),
    /** The comment's target: a section of the plan, or a proposal (exactly one). */
    sectionId: uuid("section_id").references(() => sections.id, { onDelete: "cascade" }),
    proposalId: uuid("proposal_id").references((): AnyPgColumn => proposals.feedbackId, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.feedbackId, { onDelete: "cascade" }),
    /** Anchor: paragraph and the revision the author saw, plus quote context to re-find it after edits. */
    paragraphKey: text("paragraph_key"),
    revisionId: uuid("revision_id").references(() => sectionRevisions.id, { onDelete: "set null" }),
    quote: text("quote"),
    quotePrefix: text("quote_prefix"),
    quoteSuffix: text("quote_suffix"),
    /** Character offset of the quote in the paragraph's text in that revision. */
    quoteOffset: integer("quote_offset"),
    /** Plain text with a sanitised Markdown subset; erased (empty) when the author deletes the comment. */
    body: text("body").notNull(),
    /** The body as German full-text document, computed by the database: ranking needs no re-parse per hit. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('german'::regconfig, body)`),
    /** Direct replies that are not deleted, kept in the same transaction as the reply (sorting by replies). */
    replyCount: integer("reply_count").notNull().default(0),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("comments_section_idx").on(t.sectionId),
    index("comments_proposal_idx").on(t.proposalId),
    index("comments_parent_idx").on(t.parentId),
    check("comments_one_target", sql`num_nonnulls(${t.sectionId}, ${t.proposalId}) = 1`),
    index("comments_search_vector_idx").using("gin", t.searchVector),
    index("comments_body_trgm_idx").using("gin", sql`${t.body} gin_trgm_ops`),
  ],
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
    /** The author withdrew it (allowed any time); it stays readable as withdrawn. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
    /** Title and description as German full-text document, computed by the database. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('german'::regconfig, title || ' ' || description)`),
  },
  (t) => [
    index("proposals_chapter_idx").on(t.chapterId),
    index("proposals_search_vector_idx").using("gin", t.searchVector),
    index("proposals_trgm_idx").using("gin", sql`(${t.title} || ' ' || ${t.description}) gin_trgm_ops`),
  ],
);

export const votes = pgTable(
  "votes",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.feedbackId, { onDelete: "cascade" }),
    // Votes are never deleted with a person: erasure anonymises the account in place.
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    choice: voteChoiceEnum("choice").notNull(),
    /** The voter's group, organisation and municipality as they were when voting. */
    groupId: uuid("group_id")
      .notNull()
      .references(() => stakeholderGroups.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index("votes_proposal_group_idx").on(t.proposalId, t.groupId)],
);

/**
 * What the proposal list sorts and shows, one row per proposal, kept by database triggers in the
 * same transaction as every write to proposals, feedback, votes and comments (see the migration
 * 0006): the list pages through an index in its sort order instead of counting a million votes.
 * `listedAt` is coalesce(received_at, created_at); `title`, `chapterId` and `hidden` mirror the
 * proposal; `comments` counts the comments on it that are neither deleted nor hidden.
 */
export const proposalStats = pgTable(
  "proposal_stats",
  {
    proposalId: uuid("proposal_id")
      .primaryKey()
      .references(() => proposals.feedbackId, { onDelete: "cascade" }),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    chapterId: uuid("chapter_id")
      .notNull()
      .references(() => chapters.id, { onDelete: "cascade" }),
    listedAt: timestamp("listed_at", { withTimezone: true }).notNull(),
    title: text("title").notNull(),
    hidden: boolean("hidden").notNull().default(false),
    votesFor: integer("votes_for").notNull().default(0),
    votesAgainst: integer("votes_against").notNull().default(0),
    votesAbstain: integer("votes_abstain").notNull().default(0),
    comments: integer("comments").notNull().default(0),
  },
  (t) => [
    // One index per sort, for the whole edition and for one chapter; the proposal id breaks ties.
    index("proposal_stats_edition_newest_idx").on(t.editionId, t.listedAt.desc().nullsFirst(), t.title, t.proposalId),
    index("proposal_stats_edition_support_idx").on(t.editionId, t.votesFor.desc().nullsFirst(), t.listedAt.desc().nullsFirst(), t.proposalId),
    index("proposal_stats_edition_discussed_idx").on(t.editionId, t.comments.desc().nullsFirst(), t.listedAt.desc().nullsFirst(), t.proposalId),
    index("proposal_stats_chapter_newest_idx").on(t.chapterId, t.listedAt.desc().nullsFirst(), t.title, t.proposalId),
    index("proposal_stats_chapter_support_idx").on(t.chapterId, t.votesFor.desc().nullsFirst(), t.listedAt.desc().nullsFirst(), t.proposalId),
    index("proposal_stats_chapter_discussed_idx").on(t.chapterId, t.comments.desc().nullsFirst(), t.listedAt.desc().nullsFirst(), t.proposalId),
  ],
);

/** Votes per proposal, group and choice, kept by the same triggers: results by group without reading the votes. */
export const proposalGroupVotes = pgTable(
  "proposal_group_votes",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.feedbackId, { onDelete: "cascade" }),
    // A group with votes cannot be deleted (votes restrict it); rows left at zero go with the group.
    groupId: uuid("group_id")
      .notNull()
      .references(() => stakeholderGroups.id, { onDelete: "cascade" }),
    votesFor: integer("votes_for").notNull().default(0),
    votesAgainst: integer("votes_against").notNull().default(0),
    votesAbstain: integer("votes_abstain").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.groupId] })],
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
    category: reportReasonEnum("category").notNull().default("other"),
    /** The reporter's words (required for "other"). */
    reason: text("reason").notNull().default(""),
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
export type ProposalStats = typeof proposalStats.$inferSelect;
export type Answer = typeof answers.$inferSelect;
