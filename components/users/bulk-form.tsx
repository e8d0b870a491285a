"use client";
import { useTranslations } from "next-intl";
import { bulkPeopleAction } from "@/server/users/actions";
import { ActionForm } from "../ui/action-form";
import { Dialog } from "../ui/dialog";
import styles from "./people.module.css";

export const BULK_FORM_ID = "people-bulk";

/**
 * Bulk actions on the people ticked in the list (their checkboxes belong to this form through
 * form="people-bulk"). Each person is checked again on the server; the outcome says how many.
 */
export function BulkForm() {
  const t = useTranslations("users.bulk");
  return (
    <ActionForm
      id={BULK_FORM_ID}
      action={bulkPeopleAction}
      onSuccess="refresh"
      className={`form ${styles.bulk}`}
      successMessage={(data: { done: number; skipped: number }, form) =>
        [t(form.get("operation") === "resend" ? "resent" : "deactivated", { count: data.done }), data.skipped ? t("skipped", { count: data.skipped }) : ""].filter(Boolean).join(" ")
      }
    >
      <p className="meta">{t("hint")}</p>
      <SelectAll />
      <div className="button-row">
        <button type="submit" name="operation" value="resend" className="button button--secondary">
          {t("resend")}
        </button>
        <Dialog trigger={t("deactivate")} triggerClassName="button button--danger" title={t("deactivateTitle")}>
          {(close) => <DeactivateConfirm close={close} />}
        </Dialog>
      </div>
    </ActionForm>
  );
}

/** Ticks or clears every person on this page. */
function SelectAll() {
  const t = useTranslations("users.bulk");
  return (
    <label className="choice">
      <input
        type="checkbox"
        onChange={(e) => {
          for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${BULK_FORM_ID}"][name="userIds"]`)) box.checked = e.target.checked;
        }}
      />{" "}
      {t("selectAll")}
    </label>
  );
}

/** Inside the bulk form: says how many are ticked and what deactivating does, then submits the form. */
function DeactivateConfirm({ close }: { close: () => void }) {
  const t = useTranslations("users.bulk");
  const count = typeof document === "undefined" ? 0 : document.querySelectorAll(`input[type=checkbox][form="${BULK_FORM_ID}"][name="userIds"]:checked`).length;
  return (
    <>
      <p>{count === 0 ? t("noneSelected") : t("deactivateConsequence", { count })}</p>
      <div className="button-row">
        {count > 0 && (
          // The dialog sits inside the bulk form: this button submits it; the dialog closes right after.
          <button type="submit" name="operation" value="deactivate" className="button button--danger" onClick={() => setTimeout(close, 0)}>
            {t("deactivate")}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={close}>
          {t("cancel")}
        </button>
      </div>
    </>
  );
}
