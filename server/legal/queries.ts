import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";

export type FeedbackRecipient = { to: string; locale: Locale };

/**
 * Who receives accessibility feedback: every active officer (in their language) and the
 * operator's accessibility contact address, if configured (in German), each address once. Demo
 * accounts count only in demo mode (outside it they are dead accounts).
 */
export async function listFeedbackRecipients(
  db: DbOrTx,
  { contactEmail, demo }: { contactEmail?: string | null; demo: boolean },
): Promise<FeedbackRecipient[]> {
  const officers = await db
    .select({ to: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "officer"), eq(users.active, true), demo ? undefined : eq(users.isDemo, false)))
    .orderBy(users.email);
  const all: FeedbackRecipient[] = contactEmail ? [...officers, { to: contactEmail, locale: "de" }] : officers;
  const seen = new Set<string>();
  return all.filter((r) => !seen.has(r.to.toLowerCase()) && seen.add(r.to.toLowerCase()));
}
