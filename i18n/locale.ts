import type { Locale } from "@/db/schema/enums";

export const LOCALE_COOKIE = "planwerk-locale";
export const locales = ["de", "en"] as const satisfies readonly Locale[];
export const resolveLocale = (value: string | undefined): Locale => (value === "en" ? "en" : "de");
