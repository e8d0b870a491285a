import type { Locale } from "@/db/schema/enums";
import type { OutgoingMail } from "../mail/outbox";
import { mailTexts } from "../mail/texts";
import type { RenderedNotification } from "./render";

// Rendered outside a request, in the recipient's language (like server/mail/templates.ts).
const absolute = (href: string) => `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}${href}`;

/** One notification at once ("immediately"). The link leads to a page that asks for sign-in; it is no secret. */
export function notificationMail({ to, locale, item }: { to: string; locale: Locale; item: RenderedNotification }): OutgoingMail {
  const t = mailTexts(locale);
  return {
    kind: "notification",
    to,
    subject: t("notification.subject", { title: item.title }),
    text: t("notification.body", { title: item.title, text: item.text, url: absolute(item.href), settings: absolute("/account#notifications") }),
  };
}

/** All notifications not yet mailed, in one daily mail. */
export function digestMail({ to, locale, items }: { to: string; locale: Locale; items: RenderedNotification[] }): OutgoingMail {
  const t = mailTexts(locale);
  const list = items.map((i) => t("digest.item", { title: i.title, text: i.text, url: absolute(i.href) })).join("\n\n");
  return {
    kind: "notification_digest",
    to,
    subject: t("digest.subject", { count: String(items.length) }),
    text: t("digest.body", { list, count: String(items.length), all: absolute("/notifications"), settings: absolute("/account#notifications") }),
  };
}
