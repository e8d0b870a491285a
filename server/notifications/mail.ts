import type { Locale } from "@/db/schema/enums";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import type { OutgoingMail } from "../mail/outbox";
import type { RenderedNotification } from "./render";

// Rendered outside a request, in the recipient's language (like server/mail/templates.ts).
const mailMessages = { de: de.mail, en: en.mail } as const;
const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
const absolute = (href: string) => `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}${href}`;

/** One notification at once ("immediately"). The link leads to a page that asks for sign-in; it is no secret. */
export function notificationMail({ to, locale, item }: { to: string; locale: Locale; item: RenderedNotification }): OutgoingMail {
  const m = mailMessages[locale].notification;
  return {
    kind: "notification",
    to,
    subject: fill(m.subject, { title: item.title }),
    text: fill(m.body, { title: item.title, text: item.text, url: absolute(item.href), settings: absolute("/account#notifications") }),
  };
}

/** All notifications not yet mailed, in one daily mail. */
export function digestMail({ to, locale, items }: { to: string; locale: Locale; items: RenderedNotification[] }): OutgoingMail {
  const m = mailMessages[locale].digest;
  const list = items.map((i) => fill(m.item, { title: i.title, text: i.text, url: absolute(i.href) })).join("\n\n");
  return {
    kind: "notification_digest",
    to,
    subject: fill(m.subject, { count: String(items.length) }),
    text: fill(m.body, { list, count: String(items.length), all: absolute("/notifications"), settings: absolute("/account#notifications") }),
  };
}
