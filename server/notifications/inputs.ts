import { z } from "zod";
import { notificationFrequencies } from "./options";

export { notificationFrequencies } from "./options";

/** One notification (`id`), or all of one's unread ones (`all`). */
export const markReadInput = z.union([z.object({ id: z.uuid() }).strict(), z.object({ all: z.literal("true") }).strict()]);
export const settingsInput = z.object({ frequency: z.enum(notificationFrequencies) });
