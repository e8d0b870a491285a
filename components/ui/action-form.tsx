"use client";
import { useRouter } from "next/navigation";
import { createContext, useActionState, useContext, useId } from "react";
import type { ActionResult } from "@/server/actions/result";

type State = ActionResult<unknown> | null;
const FieldErrors = createContext<Record<string, string>>({});

/**
 * A form bound to a server action: shows the action's message (success or error) in a live
 * region, and each field's error beside it (see Field). Works without JavaScript too.
 */
export function ActionForm({
  action,
  children,
  successMessage,
  className = "form",
  onSuccess,
}: {
  action: (state: State, data: FormData) => Promise<ActionResult<unknown>>;
  children: React.ReactNode;
  successMessage?: string;
  className?: string;
  onSuccess?: "refresh" | { redirect: string };
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(async (prev: State, data: FormData) => {
    const result = await action(prev, data);
    if (result.ok && onSuccess === "refresh") router.refresh();
    if (result.ok && onSuccess && typeof onSuccess === "object") router.push(onSuccess.redirect);
    return result;
  }, null);
  return (
    <form action={formAction} className={className} aria-busy={pending}>
      <FieldErrors.Provider value={state && !state.ok ? (state.fieldErrors ?? {}) : {}}>{children}</FieldErrors.Provider>
      <p role="status" className={state ? (state.ok ? "success" : "alert") : "visually-hidden"}>
        {state ? (state.ok ? successMessage : state.message) : ""}
      </p>
    </form>
  );
}

/** A labelled field whose error (from the action's fieldErrors) is announced and linked to the input. */
export function Field({
  name,
  label,
  children,
}: {
  name: string;
  label: string;
  children: (props: { id: string; name: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const errors = useContext(FieldErrors);
  const id = useId();
  const error = errors[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, ...(error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {}) })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
