import type { Locale } from "@/db/schema/enums";
import { INVITATION_DAYS, invitationExpiry, signInLinkExpiry } from "../security/lifetimes";
import type { OutgoingMail } from "./outbox";
import { mailTexts } from "./texts";

export function signInMail({ to, url, locale }: { to: string; url: string; locale: Locale }): OutgoingMail {
  const t = mailTexts(locale);
  return { kind: "sign_in", to, subject: t("signIn.subject"), text: t("signIn.body", { url }), link: url, linkExpiresAt: signInLinkExpiry() };
}

export function invitationMail({ to, url, name, inviter, locale, expiresAt = invitationExpiry() }: { to: string; url: string; name: string; inviter: string; locale: Locale; expiresAt?: Date }): OutgoingMail {
  const t = mailTexts(locale);
  return { kind: "invitation", to, subject: t("invitation.subject"), text: t("invitation.body", { url, name, inviter, days: String(INVITATION_DAYS) }), link: url, linkExpiresAt: expiresAt };
}

export function accessibilityFeedbackMail({
  to,
  locale,
  reference,
  message,
  name,
  email,
  page,
}: {
  to: string;
  locale: Locale;
  reference: string;
  message: string;
  name: string | null;
  email: string | null;
  page: string | null;
}): OutgoingMail {
  const t = mailTexts(locale);
  const notGiven = t("accessibilityFeedback.notGiven");
  return {
    kind: "accessibility_feedback",
    to,
    subject: t("accessibilityFeedback.subject"),
    text: t("accessibilityFeedback.body", { reference, message, name: name ?? notGiven, email: email ?? notGiven, page: page ?? notGiven }),
  };
}
