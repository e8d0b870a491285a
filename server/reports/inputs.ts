import { z } from "zod";
import type { ReportReason } from "@/db/schema/enums";

// A literal list (not the enum object), so the client form can import it without drizzle.
export const reportCategories = ["spam", "offensive", "off_topic", "other"] as const satisfies readonly ReportReason[];
export const REPORT_REASON_MAX = 1000;

/** A report: the category, and the reporter's words (required for "other"). */
export const reportInput = z
  .object({
    feedbackId: z.uuid(),
    category: z.enum(reportCategories),
    reason: z.string().trim().max(REPORT_REASON_MAX).optional().default(""),
  })
  .refine((v) => v.category !== "other" || v.reason.length > 0, { path: ["reason"], message: "reportReason" });
