import type { ReportReason } from "@/db/schema/enums";

/**
 * What a report form offers and the input accepts. Plain data (no zod, and a literal list rather
 * than the enum object, so no drizzle): the client form imports it from here.
 */
export const reportCategories = ["spam", "offensive", "off_topic", "other"] as const satisfies readonly ReportReason[];
export const REPORT_REASON_MAX = 1000;
