import { index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { measureStatusEnum } from "./enums";
import { proposals } from "./feedback";
import { chapters, editions } from "./plans";

export const measures = pgTable(
  "measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    chapterId: uuid("chapter_id").references(() => chapters.id, { onDelete: "set null" }),
    key: text("key").notNull(),
    /** The proposal this measure came from, if any. */
    proposalId: uuid("proposal_id").references(() => proposals.feedbackId, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    responsibleActor: text("responsible_actor").notNull(),
    timeline: text("timeline").notNull(),
    status: measureStatusEnum("status").notNull().default("planned"),
    position: integer("position").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("measures_edition_key_unique").on(t.editionId, t.key), index("measures_chapter_idx").on(t.chapterId)],
);

export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    measureId: uuid("measure_id").references(() => measures.id, { onDelete: "set null" }),
    key: text("key").notNull(),
    title: text("title").notNull(),
    unit: text("unit").notNull(),
    targetValue: numeric("target_value"),
    targetYear: integer("target_year"),
  },
  (t) => [unique("indicators_edition_key_unique").on(t.editionId, t.key)],
);

export const indicatorValues = pgTable(
  "indicator_values",
  {
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    value: numeric("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.year] })],
);

export type Measure = typeof measures.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
