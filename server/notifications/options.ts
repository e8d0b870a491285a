import type { NotificationFrequency } from "@/db/schema/enums";

/**
 * The notification frequencies the settings form offers and the input accepts. Plain data (no zod,
 * and a literal list rather than the enum object, so no drizzle): the client form imports it from here.
 */
export const notificationFrequencies = ["immediately", "daily", "off"] as const satisfies readonly NotificationFrequency[];
