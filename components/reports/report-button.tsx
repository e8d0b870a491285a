"use client";
import { useTranslations } from "next-intl";
import { useCallback, useId, useRef, useState } from "react";
import { reportFeedback } from "@/server/reports/actions";
import { REPORT_REASON_MAX, reportCategories } from "@/server/reports/inputs";
import { useClearOnOtherAction } from "../ui/action-bus";
import { ActionForm, Field } from "../ui/action-form";
import { Dialog } from "../ui/dialog";
import { ChoiceGroup } from "../ui/field";

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
              close();
              return true;
            }}
          >
            <p>{t("intro")}</p>
            <input type="hidden" name="feedbackId" value={feedbackId} />
            <ChoiceGroup
              name="category"
              legend={t("category")}
              defaultValue="spam"
              options={reportCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            />
            <Field name="reason" label={t("reason")} hint={t("reasonHint", { max: REPORT_REASON_MAX })}>
              {(props) => <textarea {...props} rows={4} maxLength={REPORT_REASON_MAX} />}
            </Field>
            <div className="button-row">
              <button type="submit" className="button">
                {t("submit")}
              </button>
              <button type="button" className="button button--secondary" onClick={close}>
                {t("cancel")}
              </button>
            </div>
          </ActionForm>
        )}
      </Dialog>
      <span role="status" className={message ? (message.ok ? "success" : "alert") : "visually-hidden"}>
        {message?.text ?? ""}
      </span>
    </span>
  );
}
