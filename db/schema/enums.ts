import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["officer", "council", "stakeholder"]);
export const displayModeEnum = pgEnum("display_mode", ["name_and_org", "org_only", "private"]);
export const localeEnum = pgEnum("locale", ["de", "en"]);
export const phaseEnum = pgEnum("edition_phase", [
  "draft",
  "consultation",
  "consolidation",
  "council_review",
  "adopted",
  "superseded",
]);
export const decisionOutcomeEnum = pgEnum("decision_outcome", [
  "adopted",
  "adopted_with_amendments",
  "referred_back",
]);
export const blockKindEnum = pgEnum("block_kind", ["paragraph", "list", "table"]);
export const feedbackKindEnum = pgEnum("feedback_kind", ["comment", "proposal"]);
export const feedbackSourceEnum = pgEnum("feedback_source", ["platform", "workshop", "letter", "email", "meeting"]);
export const voteChoiceEnum = pgEnum("vote_choice", ["for", "against", "abstain"]);
export const dispositionEnum = pgEnum("disposition", [
  "adopted",
  "partially_adopted",
  "not_adopted",
  "noted",
]);
export const reportReasonEnum = pgEnum("report_reason", ["spam", "offensive", "off_topic", "other"]);
export const notificationFrequencyEnum = pgEnum("notification_frequency", ["immediately", "daily", "off"]);
export const reportStatusEnum = pgEnum("report_status", ["open", "upheld", "dismissed"]);
export const measureStatusEnum = pgEnum("measure_status", ["planned", "in_progress", "done", "discontinued"]);

export const roles = roleEnum.enumValues;
export type Role = (typeof roles)[number];
export const phases = phaseEnum.enumValues;
export type Phase = (typeof phases)[number];
export type DisplayMode = (typeof displayModeEnum.enumValues)[number];
export type Locale = (typeof localeEnum.enumValues)[number];
export type ReportReason = (typeof reportReasonEnum.enumValues)[number];
export type NotificationFrequency = (typeof notificationFrequencyEnum.enumValues)[number];
export type BlockKind = (typeof blockKindEnum.enumValues)[number];
