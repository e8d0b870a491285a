"use client";
import { useTranslations } from "next-intl";
import { updateEditionSettings } from "@/server/editions/actions";
import { ActionForm, Field } from "../ui/action-form";

/** Title and consultation window (Berlin time); the window only while the edition is a draft. */
export function EditionSettingsForm({ editionId, title, opensAt, closesAt, windowEditable }: { editionId: string; title: string; opensAt: string; closesAt: string; windowEditable: boolean }) {
  const t = useTranslations("editionsAdmin");
  return (
    <ActionForm action={updateEditionSettings} onSuccess="refresh" summary successMessage={t("settingsSaved")} id="edition-settings">
      <input type="hidden" name="editionId" value={editionId} />
      <Field name="title" label={t("editionTitle")}>
        {(p) => <input {...p} defaultValue={title} maxLength={200} required />}
      </Field>
      {windowEditable ? (
        <fieldset className="field">
          <legend>{t("window")}</legend>
          <p className="field-hint">{t("windowHint")}</p>
          <Field name="opensAt" label={t("opensAt")}>
            {(p) => <input {...p} type="datetime-local" defaultValue={opensAt} />}
          </Field>
          <Field name="closesAt" label={t("closesAt")}>
            {(p) => <input {...p} type="datetime-local" defaultValue={closesAt} />}
          </Field>
        </fieldset>
      ) : (
        <>
          <input type="hidden" name="opensAt" value={opensAt} />
          <input type="hidden" name="closesAt" value={closesAt} />
        </>
      )}
      <div className="button-row">
        <button type="submit" className="button">
          {t("saveSettings")}
        </button>
      </div>
    </ActionForm>
  );
}
