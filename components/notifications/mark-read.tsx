"use client";
import { useTranslations } from "next-intl";
import { markNotificationsRead } from "@/server/notifications/actions";
import { ActionForm } from "../ui/action-form";

/** "Als gelesen markieren" for one notification (`id`) or for all unread ones. */
export function MarkReadButton({ id, label }: { id?: string; label?: string }) {
  const t = useTranslations("notifications");
  return (
    <ActionForm action={markNotificationsRead} onSuccess="refresh" successMessage={id ? t("markedRead") : t("allMarkedRead")} className="inline-form">
      {id ? <input type="hidden" name="id" value={id} /> : <input type="hidden" name="all" value="true" />}
      <button type="submit" className={id ? "button button--secondary" : "button"} aria-label={label}>
        {id ? t("markRead") : t("markAllRead")}
      </button>
    </ActionForm>
  );
}
