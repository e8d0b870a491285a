"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useActionState, useCallback, useContext, useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/server/actions/result";
import { announceActionStart, useClearOnOtherAction } from "./action-bus";

type Result = ActionResult<unknown>;
/** The message is fixed when the action returns, so a re-render with new props cannot turn it around. */
type State = { result: Result; message: string; handled: boolean } | null;
type FieldInfo = { id: string; label: string };
type FormContext = { formId: string; errors: Record<string, string>; fields: Map<string, FieldInfo> };
const Form = createContext<FormContext>({ formId: "", errors: {}, fields: new Map() });

/**
 * A form bound to a server action. The browser's own validation is off (`noValidate`): the app's
 * messages, in the person's language, stand beside each field (see Field) and, for a long form,
 * in a summary at the top that takes the focus. The form's result is announced next to its
 * button, or handed to `onResult` when the caller shows it elsewhere (e.g. in a table row).
 */
export function ActionForm<T = unknown>({
  action,
  children,
  successMessage,
  className = "form",
  onSuccess,
  onResult,
  summary = false,
  id,
}: {
  action: (state: never, data: FormData) => Promise<ActionResult<T>>;
  children: React.ReactNode;
  /** A function gets the action's data and the submitted form, for messages that name what was done. */
  successMessage?: string | ((data: T, form: FormData) => string);
  className?: string;
  onSuccess?: "refresh" | { redirect: string };
  /** Sees the result first; returning true means the caller shows the message elsewhere (e.g. in a table row). */
  onResult?: (r: { ok: boolean; message: string }) => boolean | void;
  /** Show an error summary at the top (for forms with several fields). */
  summary?: boolean;
  id?: string;
}) {
  const router = useRouter();
  const t = useTranslations("forms");
  const generated = useId();
  const formId = id ?? `form${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  // Fields register their id and label here as they render, for the summary's links.
  const [fields] = useState(() => new Map<string, FieldInfo>());
  const summaryRef = useRef<HTMLDivElement>(null);
  const [state, formAction, pending] = useActionState(async (_prev: State, data: FormData): Promise<State> => {
    announceActionStart(formId);
    const result = (await action(undefined as never, data)) as Result;
    const message = result.ok ? (typeof successMessage === "function" ? successMessage(result.data as T, data) : (successMessage ?? "")) : result.message;
    const handled = onResult?.({ ok: result.ok, message }) === true;
    if (result.ok && onSuccess === "refresh") router.refresh();
    if (result.ok && onSuccess && typeof onSuccess === "object") router.push(onSuccess.redirect);
    return { result, message, handled };
  }, null);
  // A result is hidden once another form's action starts; the next result shows again.
  const [hiddenFor, setHiddenFor] = useState<State>(null);
  const hide = useCallback(() => setHiddenFor(state), [state]);
  useClearOnOtherAction(formId, hide);
  const hidden = state !== null && hiddenFor === state;
  const errors = state && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const errorCount = Object.keys(errors).length;
  useEffect(() => {
    if (summary && state && !state.result.ok && Object.keys(state.result.fieldErrors ?? {}).length > 0) summaryRef.current?.focus();
  }, [state, summary]);
  const showStatus = state && !state.handled && !hidden;
  return (
    <form id={formId} action={formAction} className={className} aria-busy={pending} noValidate>
      {summary && errorCount > 0 && !hidden && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={`${formId}-summary`}>
          <p id={`${formId}-summary`} className="error-summary__title">
            {t("summary", { count: errorCount })}
          </p>
          <ul>
            {Object.entries(errors).map(([name, message]) => {
              const field = fields.get(name);
              return <li key={name}>{field ? <a href={`#${field.id}`}>{`${field.label}: ${message}`}</a> : message}</li>;
            })}
          </ul>
        </div>
      )}
      <Form.Provider value={{ formId, errors: hidden ? {} : errors, fields }}>{children}</Form.Provider>
      {(!onResult || showStatus) && (
        <p role="status" className={showStatus ? (state.result.ok ? "success" : "alert") : "visually-hidden"}>
          {showStatus ? state.message : ""}
        </p>
      )}
    </form>
  );
}

type ControlProps = { id: string; name: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/** The field's id, its error and the ids that describe it, registered with the surrounding form. */
export function useField(name: string, label: string, hint?: React.ReactNode) {
  const { formId, errors, fields } = useContext(Form);
  const id = `${formId || "f"}-${name}`;
  fields.set(name, { id, label });
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const props: ControlProps = { id, name, ...(error ? { "aria-invalid": true } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) };
  return { id, error, props };
}

/**
 * A labelled field: label, an optional hint (limits, rules — said before typing) and the error,
 * both linked to the control with aria-describedby; aria-invalid marks the error.
 */
export function Field({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint?: React.ReactNode;
  children: (props: ControlProps) => React.ReactNode;
}) {
  const { id, error, props } = useField(name, label, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children(props)}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
