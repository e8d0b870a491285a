"use server";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { z } from "zod";
import { users } from "@/db/schema";
import { LOCALE_COOKIE, locales } from "@/i18n/locale";
import { defineAction } from "../actions/define";

/** Switches the interface language; remembered in a cookie and, when signed in, on the account (for mails). */
export const setLocale = defineAction("locale.set", {
  input: z.object({ locale: z.enum(locales) }),
  resource: async () => null,
  run: async ({ tx, input, user }) => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
    if (user) await tx.update(users).set({ locale: input.locale }).where(eq(users.id, user.id));
    return { data: { locale: input.locale }, audit: null };
  },
  revalidate: ["/"],
});
