"use client";
import { useTranslations } from "next-intl";
import { useCallback, useId, useState } from "react";
import type { Role } from "@/db/schema/enums";
import { resendInvitation, revokeInvitation, setUserActive, setUserRole } from "@/server/users/actions";
import { useClearOnOtherAction } from "../ui/action-bus";
import { ActionForm } from "../ui/action-form";
import { Dialog, DialogActions } from "../ui/dialog";
import { MembershipFields, type GroupOption } from "./membership-fields";

type Person = { id: string; name: string; role: Role; active: boolean; groupId: string; organisationId: string | null };
/** For a person who has not accepted yet: the state of their latest invitation. */
type Invitation = { state: "open" | "revoked" | "expired" | null } | null;
type Message = { ok: boolean; text: string } | null;

/**
 * A person's row controls: change role, group and organisation together (in a dialog), and
 * deactivate (after a confirmation that names the consequence) or reactivate. The outcome is
 * announced here, beside the buttons, and cleared as soon as another action starts.
 */
export function UserControls({ person, groups, invitation = null }: { person: Person; groups: GroupOption[]; invitation?: Invitation }) {
  const t = useTranslations("users");
  const rowId = `row${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [message, setMessage] = useState<Message>(null);
  const clear = useCallback(() => setMessage(null), []);
  useClearOnOtherAction(rowId, clear);
  const show = (r: { ok: boolean; message: string }) => setMessage({ ok: r.ok, text: r.message });
  const { name } = person;
  return (
    <div className="row-controls">
      <div className="row-controls__buttons">
        <Dialog trigger={t("edit")} triggerLabel={t("editName", { name })} title={t("editTitle", { name })}>
          {(close) => (
            <ActionForm
              id={`${rowId}-edit`}
              action={setUserRole}
              onSuccess="refresh"
              summary
              successMessage={(data) => (!data.changed ? t("nothingChanged") : data.roleChanged ? t("roleSaved", { name }) : t("membershipSaved", { name }))}
              onResult={(r) => {
                if (!r.ok) return false;
                show(r);
                close();
                return true;
              }}
            >
              <input type="hidden" name="userId" value={person.id} />
              <MembershipFields groups={groups} initial={person} extraHint={t("roleChangeEffect")} />
              <DialogActions submit={t("save")} cancel={t("cancel")} onCancel={close} />
            </ActionForm>
          )}
        </Dialog>
        {invitation && person.active && (
          <ActionForm id={`${rowId}-resend`} action={resendInvitation} onSuccess="refresh" successMessage={t("resent", { name })} onResult={(r) => (show(r), true)} className="inline-form">
            <input type="hidden" name="userId" value={person.id} />
            <button type="submit" className="button button--secondary" aria-label={t("resendName", { name })}>
              {t("resend")}
            </button>
          </ActionForm>
        )}
        {invitation?.state === "open" && person.active && (
          <ActionForm id={`${rowId}-revoke`} action={revokeInvitation} onSuccess="refresh" successMessage={t("revoked", { name })} onResult={(r) => (show(r), true)} className="inline-form">
            <input type="hidden" name="userId" value={person.id} />
            <button type="submit" className="button button--secondary" aria-label={t("revokeName", { name })}>
              {t("revoke")}
            </button>
          </ActionForm>
        )}
        {person.active ? (
          <Dialog trigger={t("deactivate")} triggerLabel={t("deactivateName", { name })} title={t("deactivateTitle", { name })}>
            {(close) => (
              <ActionForm
                id={`${rowId}-deactivate`}
                action={setUserActive}
                onSuccess="refresh"
                successMessage={t("deactivated", { name })}
                onResult={(r) => {
                  show(r);
                  close();
                  return true;
                }}
              >
                <p>{t("deactivateConsequence", { name })}</p>
                <input type="hidden" name="userId" value={person.id} />
                <input type="hidden" name="active" value="false" />
                <DialogActions submit={t("deactivate")} submitClassName="button button--danger" cancel={t("cancel")} onCancel={close} />
              </ActionForm>
            )}
          </Dialog>
        ) : (
          <ActionForm id={`${rowId}-reactivate`} action={setUserActive} onSuccess="refresh" successMessage={t("reactivated", { name })} onResult={(r) => (show(r), true)} className="inline-form">
            <input type="hidden" name="userId" value={person.id} />
            <input type="hidden" name="active" value="true" />
            <button type="submit" className="button button--secondary" aria-label={t("reactivateName", { name })}>
              {t("reactivate")}
            </button>
          </ActionForm>
        )}
      </div>
      <p role="status" className={message ? (message.ok ? "success" : "alert") : "visually-hidden"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
