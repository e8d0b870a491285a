import { z } from "zod";
import type { NotificationFrequency } from "@/db/schema/enums";

// A literal list (not the enum object), so client forms can import it without drizzle.
export const notificationFrequencies = ["immediately", "daily", "off"] as const satisfies readonly NotificationFrequency[];

/** One notification (`id`), or all of one's unread ones (`all`). */
export const markReadInput = z.union([z.object({ id: z.uuid() }).strict(), z.object({ all: z.literal("true") }).strict()]);
export const settingsInput = z.object({ frequency: z.enum(notificationFrequencies) });
