"use server";
import crypto from "node:crypto";
import { defineAction } from "../actions/define";
import { ActionError } from "../actions/result";
import { isDemo } from "../env";
import { enqueueMail } from "../mail/outbox";
import { accessibilityFeedbackMail } from "../mail/templates";
import { accessibilityFeedbackInput } from "./inputs";
import { getOperatorConfig } from "./operator";
import { listFeedbackRecipients } from "./queries";

/**
 * The feedback mechanism of the accessibility statement (§ 10 Abs. 3 L-BGG): anyone may report a
 * barrier. The report goes by mail, through the outbox, to every active officer and to the
 * operator's accessibility contact; the audit record holds ids only, never the text.
 */
export const sendAccessibilityFeedback = defineAction("accessibility.feedback", {
  input: accessibilityFeedbackInput,
  resource: async () => null,
  run: async ({ tx, input }) => {
    const config = getOperatorConfig();
    const contactEmail = config.status === "missing" ? null : config.facts.accessibility.contactEmail;
    const recipients = await listFeedbackRecipients(tx, { contactEmail, demo: isDemo() });
    if (recipients.length === 0) throw new ActionError("internal", "feedbackUndeliverable");
    const reference = crypto.randomUUID();
    for (const r of recipients) {
      await enqueueMail(tx, accessibilityFeedbackMail({ to: r.to, locale: r.locale, reference, message: input.message, name: input.name, email: input.email, page: input.page }));
    }
    return { data: null, audit: { targetType: "accessibility_feedback", targetId: reference, data: { recipients: recipients.length } } };
  },
});
