import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

type Messages = Record<string, unknown>;

/** What the layout's own client components (language switch, sign-out, forms, the error page) need on every page. */
export const baseClientMessages = ["layout.signOut", "layout.switchTo", "roles", "forms", "serverError"] as const;

/** The messages at the given paths ("comments", or "layout.signOut" for one key of a namespace). */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: unknown = messages;
    let to = out;
    for (const [i, part] of parts.entries()) {
      if (typeof from !== "object" || from === null || !(part in from)) break;
      from = (from as Messages)[part];
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Messages;
    }
  }
  return out;
}

/**
 * Hands client components the messages of their part of the app, plus the base ones. The
 * messages go into every response's payload, so each part sends only what its client components
 * use (sending all of them cost a trivial page about 40 KB and most of its time). A nested
 * provider replaces its parent's messages (use-intl does not merge them), hence the base.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(messages, [...baseClientMessages, ...namespaces])}>{children}</NextIntlClientProvider>;
}
