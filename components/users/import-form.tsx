"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/server/actions/result";
import type { ImportError } from "@/server/users/import";
import { importPeople } from "@/server/users/import-actions";
import styles from "./people.module.css";

type Result = ActionResult<{ imported: number; errors: ImportError[] }>;

/**
 * Upload a CSV or XLSX list. Either everyone is invited, or nobody: then a table names every row,
 * column and problem, and takes the focus so the officer hears it at once.
 */
export function ImportForm() {
  const t = useTranslations("users.import");
  const router = useRouter();
  const reportRef = useRef<HTMLDivElement>(null);
  const [state, action, pending] = useActionState(async (_: Result | null, data: FormData): Promise<Result> => {
    const result = (await importPeople(undefined as never, data)) as Result;
    if (result.ok && result.data.imported > 0) router.refresh();
    return result;
  }, null);
  const rejected = state?.ok && state.data.errors.length > 0 ? state.data.errors : null;
  useEffect(() => {
    if (rejected) reportRef.current?.focus();
  }, [rejected]);
  const fieldError = state && !state.ok ? (state.fieldErrors?.file ?? state.message) : null;
  return (
    <form action={action} className="form" aria-busy={pending} noValidate>
      <div className="field">
        <label htmlFor="people-import-file">{t("file")}</label>
        <p id="people-import-file-hint" className="field-hint">
          {t("fileHint")}
        </p>
        <input
          id="people-import-file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={fieldError ? "people-import-file-hint people-import-file-error" : "people-import-file-hint"}
          aria-invalid={fieldError ? true : undefined}
        />
        {fieldError && (
          <p id="people-import-file-error" className="field-error">
            {fieldError}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
      <p role="status" className={state?.ok && state.data.imported > 0 ? "success" : "visually-hidden"}>
        {state?.ok && state.data.imported > 0 ? t("done", { count: state.data.imported }) : ""}
      </p>
      {rejected && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={reportRef} aria-labelledby="people-import-report-title">
          <p id="people-import-report-title" className="error-summary__title">
            {t("rejected", { count: new Set(rejected.map((e) => e.row)).size })}
          </p>
          <table className={`data-table data-table--cards ${styles.report}`}>
            <caption className="visually-hidden">{t("reportCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("row")}</th>
                <th scope="col">{t("column")}</th>
                <th scope="col">{t("problem")}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((e, i) => (
                <tr key={i}>
                  <th scope="row">{e.row === 0 ? t("wholeFile") : e.row}</th>
                  <td data-label={t("column")}>{e.column ? t(`columns.${e.column}`) : "–"}</td>
                  <td data-label={t("problem")}>{t(`errors.${e.code}`, { value: e.value ?? "" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
