import type { Locale } from "@/db/schema/enums";
import { INVITATION_DAYS, invitationExpiry, signInLinkExpiry } from "../security/lifetimes";
import type { OutgoingMail } from "./outbox";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

// Mails are rendered outside a request (and in the recipient's language, not the sender's),
// so they read the message files directly instead of going through next-intl's request scope.
const mailMessages = { de: de.mail, en: en.mail } as const;
const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

export function signInMail({ to, url, locale }: { to: string; url: string; locale: Locale }): OutgoingMail {
  const m = mailMessages[locale].signIn;
  return { kind: "sign_in", to, subject: m.subject, text: fill(m.body, { url }), link: url, linkExpiresAt: signInLinkExpiry() };
}

export function invitationMail({ to, url, name, inviter, locale, expiresAt = invitationExpiry() }: { to: string; url: string; name: string; inviter: string; locale: Locale; expiresAt?: Date }): OutgoingMail {
  const m = mailMessages[locale].invitation;
  return { kind: "invitation", to, subject: m.subject, text: fill(m.body, { url, name, inviter, days: String(INVITATION_DAYS) }), link: url, linkExpiresAt: expiresAt };
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
  const m = mailMessages[locale].accessibilityFeedback;
  return {
    kind: "accessibility_feedback",
    to,
    subject: m.subject,
    text: fill(m.body, { reference, message, name: name ?? m.notGiven, email: email ?? m.notGiven, page: page ?? m.notGiven }),
  };
}
