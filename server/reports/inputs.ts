import { z } from "zod";
import { REPORT_REASON_MAX, reportCategories } from "./limits";

export { REPORT_REASON_MAX, reportCategories } from "./limits";

/** A report: the category, and the reporter's words (required for "other"). */
export const reportInput = z
  .object({
    feedbackId: z.uuid(),
    category: z.enum(reportCategories),
    reason: z.string().trim().max(REPORT_REASON_MAX).optional().default(""),
  })
  .refine((v) => v.category !== "other" || v.reason.length > 0, { path: ["reason"], message: "reportReason" });
