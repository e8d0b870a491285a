import { createTranslator } from "use-intl/core";
import type { Locale } from "@/db/schema/enums";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

const messages = { de, en } as const;

/**
 * The mail texts in one language. Mails are rendered outside a request (and in the recipient's
 * language, not the sender's), so they read the message files directly — through use-intl's
 * translator, because in the app's build the files arrive precompiled (next.config.ts) while tests
 * import them as plain JSON.
 */
export function mailTexts(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "mail" });
}
