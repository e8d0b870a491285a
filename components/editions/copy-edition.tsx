"use client";
import { useTranslations } from "next-intl";
import { copyEdition } from "@/server/editions/actions";
import { ActionForm, Field } from "../ui/action-form";
import { Dialog, DialogActions } from "../ui/dialog";

/** "Nächste Ausgabe anlegen" from an adopted edition: a dialog asking the new year and title. */
export function CopyEdition({ editionId, sourceTitle, year }: { editionId: string; sourceTitle: string; year: number }) {
  const t = useTranslations("editionsAdmin");
  return (
    <Dialog trigger={t("copy")} triggerLabel={t("copyFrom", { title: sourceTitle })} triggerClassName="button" title={t("copyTitle", { title: sourceTitle })}>
      {(close) => (
        <ActionForm action={copyEdition} onSuccess="refresh" summary successMessage={t("copied")}>
          <p>{t("copyIntro")}</p>
          <input type="hidden" name="editionId" value={editionId} />
          <Field name="year" label={t("year")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={2000} max={2999} defaultValue={year} required />}
          </Field>
          <Field name="title" label={t("editionTitle")}>
            {(p) => <input {...p} defaultValue={`Integrationsplan Landkreis Göppingen ${year}`} maxLength={200} required />}
          </Field>
          <DialogActions submit={t("copySubmit")} cancel={t("cancel")} onCancel={close} />
        </ActionForm>
      )}
    </Dialog>
  );
}
