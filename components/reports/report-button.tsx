"use client";
import { useTranslations } from "next-intl";
import { useCallback, useId, useRef, useState } from "react";
import { reportFeedback } from "@/server/reports/actions";
import { REPORT_REASON_MAX, reportCategories } from "@/server/reports/limits";

type ReportCategory = (typeof reportCategories)[number];
import { useClearOnOtherAction } from "../ui/action-bus";
import { ActionForm, Field, useField } from "../ui/action-form";
import { Dialog, DialogActions } from "../ui/dialog";

/**
 * "Melden" beside a contribution the viewer may report: a dialog with the reason (spam,
 * offensive, off-topic, other) and the reporter's words, required for "other". The outcome —
 * reported, or already reported by this person — is announced beside the button.
 * `label` names the contribution for screen readers, e.g. "Kommentar von Ayşe Yılmaz melden".
 */
export function ReportButton({ feedbackId, label }: { feedbackId: string; label: string }) {
  const t = useTranslations("reports");
  const id = `report${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const clear = useCallback(() => setMessage(null), []);
  useClearOnOtherAction(id, clear);
  const invalid = useRef(false);
  // Controlled, so that a field error does not reset the choice and the words (React resets a form after its action).
  const [category, setCategory] = useState<ReportCategory>("spam");
  const [reason, setReason] = useState("");
  return (
    <span className="report-button">
      <Dialog trigger={t("report")} triggerLabel={label} triggerClassName="button button--secondary report-button__trigger" title={t("title")}>
        {(close) => (
          <ActionForm
            id={id}
            action={async (_: never, data: FormData) => {
              const result = await reportFeedback(data);
              invalid.current = !result.ok && result.code === "invalid";
              return result;
            }}
            summary
            successMessage={t("done")}
            onResult={(r) => {
              // A field error stays in the dialog beside its field; anything else is said beside the button.
              if (invalid.current) return false;
              setMessage({ ok: r.ok, text: r.message });
              if (r.ok) {
                setCategory("spam");
                setReason("");
              }
              close();
              return true;
            }}
          >
            <p>{t("intro")}</p>
            <input type="hidden" name="feedbackId" value={feedbackId} />
            <CategoryChoice value={category} onChange={setCategory} />
            <Field name="reason" label={t("reason")} hint={t("reasonHint", { max: REPORT_REASON_MAX })}>
              {(props) => <textarea {...props} rows={4} maxLength={REPORT_REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <DialogActions submit={t("submit")} cancel={t("cancel")} onCancel={close} />
          </ActionForm>
        )}
      </Dialog>
      <span role="status" className={message ? (message.ok ? "success" : "alert") : "visually-hidden"}>
        {message?.text ?? ""}
      </span>
    </span>
  );
}

/** The reasons as radio buttons (the markup of ChoiceGroup, but controlled). */
function CategoryChoice({ value, onChange }: { value: ReportCategory; onChange: (v: ReportCategory) => void }) {
  const t = useTranslations("reports");
  const { id, error, props } = useField("category", t("category"));
  return (
    <fieldset className="field" aria-describedby={props["aria-describedby"]} aria-invalid={props["aria-invalid"]}>
      <legend>{t("category")}</legend>
      {reportCategories.map((c, i) => (
        <label key={c} className="choice">
          <input type="radio" name="category" value={c} checked={value === c} onChange={() => onChange(c)} id={i === 0 ? id : undefined} /> {t(`categories.${c}`)}
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
