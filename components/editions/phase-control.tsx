"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { changePhase } from "@/server/editions/actions";
import { ActionForm } from "../ui/action-form";
import { Dialog, DialogActions } from "../ui/dialog";

/**
 * The next phase behind a confirmation that names what happens: who is told, what opens or closes.
 * The server checks the same rules again (window set, one step only). A refusal stays in the
 * dialog; success closes it and is announced beside the button.
 */
export function PhaseControl({ editionId, to, label, consequences }: { editionId: string; to: "consultation" | "consolidation" | "council_review"; label: string; consequences: string[] }) {
  const t = useTranslations("editionsAdmin");
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <Dialog trigger={label} triggerClassName="button" title={t("phaseConfirmTitle", { label })}>
        {(close) => (
          <ActionForm action={changePhase} onSuccess="refresh" successMessage={t("phaseChanged")} onResult={(r) => (r.ok ? (setDone(r.message), close(), true) : false)}>
            <input type="hidden" name="editionId" value={editionId} />
            <input type="hidden" name="to" value={to} />
            <p>{t("phaseConsequences")}</p>
            <ul className="consequences">
              {consequences.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <DialogActions submit={t("phaseConfirm", { label })} cancel={t("cancel")} onCancel={close} />
          </ActionForm>
        )}
      </Dialog>
      <p role="status" className={done ? "success" : "visually-hidden"}>
        {done ?? ""}
      </p>
    </>
  );
}
