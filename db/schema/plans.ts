import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { blockKindEnum, decisionOutcomeEnum, phaseEnum } from "./enums";
import { users } from "./people";

/** PostgreSQL's full-text document type; read only by the database (search), never selected into the app. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export type Block = {
  /** Stable within a section across revisions and editions; comments anchor to it. */
  key: string;
  kind: (typeof blockKindEnum.enumValues)[number];
  /** Sanitised HTML subset (see server/plans/blocks.ts). */
  html: string;
};

export const editions = pgTable(
  "editions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    phase: phaseEnum("phase").notNull().default("draft"),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    /** The edition this one was copied from. */
    predecessorId: uuid("predecessor_id").references((): AnyPgColumn => editions.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Seeded demo text: the pages label it as sample text, never as the official plan. */
    isSample: boolean("is_sample").notNull().default(false),
    /**
     * Bumped by database triggers whenever a chapter or section of the edition is added, removed,
     * renamed or moved (see the migration): the outline cache is keyed by it, so every app
     * instance sees an outline change at its next request.
     */
    outlineVersion: integer("outline_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("editions_phase_idx").on(t.phase)],
);

/** The council's decisions on an edition; several when it was referred back first. */
export const editionDecisions = pgTable(
  "edition_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    decidedOn: date("decided_on").notNull(),
    outcome: decisionOutcomeEnum("outcome").notNull(),
    votesFor: integer("votes_for"),
    votesAgainst: integer("votes_against"),
    votesAbstain: integer("votes_abstain"),
    wording: text("wording"),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("edition_decisions_edition_idx").on(t.editionId)],
);

export const chapters = pgTable(
  "chapters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    /** Kept when an edition is copied into the next one; never the displayed number. */
    key: text("key").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
  },
  (t) => [unique("chapters_edition_key_unique").on(t.editionId, t.key)],
);

export const sections = pgTable(
  "sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    chapterId: uuid("chapter_id")
      .notNull()
      .references(() => chapters.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /**
     * Bumped by database triggers in the transaction of every write that changes what a reader of
     * the section sees: a new revision, a comment or reply written, edited, deleted, hidden, or its
     * author's name, display or group changed (see the migration). The caches of the section's
     * text and comment thread are keyed by it, so every app instance sees the change at its next
     * request without being told.
     */
    version: integer("version").notNull().default(0),
  },
  (t) => [unique("sections_edition_key_unique").on(t.editionId, t.key), index("sections_chapter_idx").on(t.chapterId)],
);

/** Immutable: a database trigger refuses UPDATE (see the migration). The newest is the current text. */
export const sectionRevisions = pgTable(
  "section_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    blocks: jsonb("blocks").$type<Block[]>().notNull(),
    /** The blocks' text without markup, for full-text search (computed by the database). */
    searchText: text("search_text").generatedAlwaysAs(sql`regexp_replace(jsonb_path_query_array(blocks, '$[*].html')::text, '<[^>]*>|\\\\[nrt"]|[\\[\\]"]', ' ', 'g')`),
    /** The same text as German full-text document (a generated column cannot read another), for ranking without a re-parse per hit. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('german'::regconfig, regexp_replace(jsonb_path_query_array(blocks, '$[*].html')::text, '<[^>]*>|\\\\[nrt"]|[\\[\\]"]', ' ', 'g'))`,
    ),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("section_revisions_section_number_unique").on(t.sectionId, t.number),
    index("section_revisions_search_vector_idx").using("gin", t.searchVector),
    index("section_revisions_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const councilStatements = pgTable(
  "council_statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("council_statements_edition_idx").on(t.editionId)],
);

export type Edition = typeof editions.$inferSelect;
export type Chapter = typeof chapters.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type SectionRevision = typeof sectionRevisions.$inferSelect;
