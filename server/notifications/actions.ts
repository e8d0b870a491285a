"use server";
import { and, eq, isNull } from "drizzle-orm";
import { notifications, users } from "@/db/schema";
import { defineAction } from "../actions/define";
import { ActionError } from "../actions/result";
import { markReadInput, settingsInput } from "./inputs";

/** Marks one of one's own notifications, or all unread ones, as read. Another person's id is "not found". */
export const markNotificationsRead = defineAction("notification.markRead", {
  input: markReadInput,
  resource: async () => null,
  run: async ({ tx, input, user }) => {
    const now = new Date();
    if ("id" in input) {
      const [row] = await tx
        .update(notifications)
        .set({ readAt: now })
        .where(and(eq(notifications.id, input.id), eq(notifications.userId, user.id)))
        .returning({ id: notifications.id });
      if (!row) throw new ActionError("not_found");
      return { data: { marked: 1 }, audit: null };
    }
    const rows = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { data: { marked: rows.length }, audit: null };
  },
  revalidate: ["/notifications"],
});

/** How one hears of notifications by e-mail: at once, in a daily digest, or not at all. */
export const updateNotificationSettings = defineAction("notification.settings", {
  input: settingsInput,
  resource: async () => null,
  run: async ({ tx, input, user }) => {
    await tx.update(users).set({ notificationFrequency: input.frequency }).where(eq(users.id, user.id));
    return { data: null, audit: { targetType: "user", targetId: user.id, data: { notificationFrequency: input.frequency } } };
  },
  revalidate: ["/account"],
});
