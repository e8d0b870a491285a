"use client";
import { useTranslations } from "next-intl";
import { useCallback, useId, useState } from "react";
import { deleteOrganisation } from "@/server/registry/actions";
import { useClearOnOtherAction } from "../ui/action-bus";
import { ActionForm } from "../ui/action-form";
import { Dialog, DialogActions } from "../ui/dialog";
import { OrganisationForm, type OrganisationValues } from "./organisation-form";

type Option = { id: string; name: string };

/** Change or delete one organisation; a refusal (people or contributions name it) is said beside the buttons. */
export function OrganisationControls({ organisation, groups, places }: { organisation: OrganisationValues; groups: Option[]; places: Option[] }) {
  const t = useTranslations("registry");
  const rowId = `org${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const clear = useCallback(() => setMessage(null), []);
  useClearOnOtherAction(rowId, clear);
  const { name } = organisation;
  return (
    <div className="row-controls">
      <div className="row-controls__buttons">
        <Dialog trigger={t("edit")} triggerLabel={t("editName", { name })} title={t("editTitle", { name })}>
          {(close) => (
            <OrganisationForm
              groups={groups}
              places={places}
              organisation={organisation}
              onDone={(text) => {
                setMessage({ ok: true, text });
                close();
              }}
            />
          )}
        </Dialog>
        <Dialog trigger={t("delete")} triggerLabel={t("deleteName", { name })} title={t("deleteTitle", { name })}>
          {(close) => (
            <ActionForm
              id={`${rowId}-delete`}
              action={deleteOrganisation}
              onSuccess="refresh"
              successMessage={t("deleted", { name })}
              onResult={(r) => {
                setMessage({ ok: r.ok, text: r.message });
                close();
                return true;
              }}
            >
              <p>{t("deleteConsequence", { name })}</p>
              <input type="hidden" name="id" value={organisation.id} />
              <DialogActions submit={t("delete")} submitClassName="button button--danger" cancel={t("cancel")} onCancel={close} />
            </ActionForm>
          )}
        </Dialog>
      </div>
      <p role="status" className={message ? (message.ok ? "success" : "alert") : "visually-hidden"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
