"use client";
import { useTranslations } from "next-intl";
import type { DisplayMode } from "@/db/schema/enums";
import { updateProfile } from "@/server/users/actions";
import { ActionForm, Field } from "../ui/action-form";

const modes: DisplayMode[] = ["name_and_org", "org_only", "private"];

export function ProfileForm({ name, displayMode }: { name: string; displayMode: DisplayMode }) {
  const t = useTranslations("account");
  return (
    <ActionForm action={updateProfile} successMessage={t("saved")} onSuccess="refresh">
      <Field name="name" label={t("name")}>
        {(p) => <input {...p} defaultValue={name} required minLength={2} maxLength={120} autoComplete="name" />}
      </Field>
      <fieldset className="field">
        <legend>{t("displayMode")}</legend>
        {modes.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="displayMode" value={m} defaultChecked={m === displayMode} /> {t(`displayModes.${m}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button">
        {t("save")}
      </button>
    </ActionForm>
  );
}
