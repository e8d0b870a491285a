"use server";
import { reports } from "@/db/schema";
import { defineAction } from "../actions/define";
import { ActionError } from "../actions/result";
import { reportInput } from "./inputs";
import { getReportTarget } from "./queries";

/**
 * Reports someone else's comment or proposal to the county's moderation, once per person and
 * contribution: the unique (feedback, reporter) constraint decides, so two quick clicks or two
 * tabs still make one report, and the second hears that it was already reported.
 */
export const reportFeedback = defineAction("report.create", {
  input: reportInput,
  rateLimit: { max: 10, windowSeconds: 60 },
  resource: async ({ tx, input }) => {
    const target = await getReportTarget(tx, { feedbackId: input.feedbackId });
    if (!target) throw new ActionError("not_found");
    return target;
  },
  run: async ({ tx, input, user }) => {
    const [row] = await tx
      .insert(reports)
      .values({ feedbackId: input.feedbackId, reporterId: user.id, category: input.category, reason: input.reason })
      .onConflictDoNothing({ target: [reports.feedbackId, reports.reporterId] })
      .returning({ id: reports.id });
    if (!row) throw new ActionError("conflict", "alreadyReported");
    return { data: { reportId: row.id }, audit: { targetType: "feedback", targetId: input.feedbackId, data: { category: input.category } } };
  },
});
