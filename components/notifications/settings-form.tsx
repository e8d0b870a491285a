"use client";
import { useTranslations } from "next-intl";
import type { NotificationFrequency } from "@/db/schema/enums";
import { updateNotificationSettings } from "@/server/notifications/actions";
import { notificationFrequencies } from "@/server/notifications/options";
import { ActionForm } from "../ui/action-form";
import { ChoiceGroup } from "../ui/field";

/** How one hears of notifications by e-mail: at once, daily, or not. */
export function NotificationSettingsForm({ frequency }: { frequency: NotificationFrequency }) {
  const t = useTranslations("notifications.settings");
  return (
    <ActionForm action={updateNotificationSettings} onSuccess="refresh" successMessage={t("saved")}>
      <ChoiceGroup name="frequency" legend={t("legend")} hint={t("hint")} defaultValue={frequency} options={notificationFrequencies.map((f) => ({ value: f, label: t(f) }))} />
      <button type="submit" className="button">
        {t("save")}
      </button>
    </ActionForm>
  );
}
