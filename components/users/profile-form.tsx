"use client";
import { useTranslations } from "next-intl";
import type { DisplayMode } from "@/db/schema/enums";
import { updateProfile } from "@/server/users/actions";
import { displayModeOptions, nameLength } from "@/server/users/options";
import { ActionForm, Field } from "../ui/action-form";
import { ChoiceGroup } from "../ui/field";

export function ProfileForm({ name, displayMode }: { name: string; displayMode: DisplayMode }) {
  const t = useTranslations("account");
  return (
    <ActionForm action={updateProfile} successMessage={t("saved")} onSuccess="refresh">
      <Field name="name" label={t("name")} hint={t("nameHint", nameLength)}>
        {(p) => <input {...p} defaultValue={name} autoComplete="name" />}
      </Field>
      <ChoiceGroup name="displayMode" legend={t("displayMode")} options={displayModeOptions.map((m) => ({ value: m, label: t(`displayModes.${m}`) }))} defaultValue={displayMode} />
      <button type="submit" className="button">
        {t("save")}
      </button>
    </ActionForm>
  );
}
