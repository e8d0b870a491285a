"use client";
import { useState } from "react";
import { sendAccessibilityFeedback } from "@/server/legal/actions";
import { FEEDBACK_MAX } from "@/server/legal/limits";
import { ActionForm, Field } from "../ui/action-form";
import styles from "./legal.module.css";

export type FeedbackFormLabels = { message: string; page: string; name: string; email: string; submit: string; sent: string };

/**
 * The feedback mechanism of the accessibility statement. The message is checked on the server
 * (no native `required`), so an empty one gets the same announced field error as every other.
 * The fields are controlled so that what a person wrote survives a refused attempt; they are
 * emptied once the feedback is sent.
 */
export function AccessibilityFeedbackForm({ labels, page: initialPage }: { labels: FeedbackFormLabels; page?: string }) {
  const empty = { message: "", page: initialPage ?? "", name: "", email: "" };
  const [values, setValues] = useState(empty);
  const bind = (key: keyof typeof empty) => ({ value: values[key], onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })) });
  return (
    <ActionForm
      action={async (prev, data) => {
        const result = await sendAccessibilityFeedback(prev, data);
        if (result.ok) setValues(empty);
        return result;
      }}
      successMessage={labels.sent}
      className={`form ${styles.feedback}`}
    >
      <Field name="message" label={labels.message}>
        {(p) => <textarea {...p} {...bind("message")} aria-required="true" maxLength={FEEDBACK_MAX} rows={8} />}
      </Field>
      <Field name="page" label={labels.page}>
        {(p) => <input {...p} {...bind("page")} maxLength={500} autoComplete="off" />}
      </Field>
      <Field name="name" label={labels.name}>
        {(p) => <input {...p} {...bind("name")} maxLength={120} autoComplete="name" />}
      </Field>
      <Field name="email" label={labels.email}>
        {(p) => <input {...p} {...bind("email")} type="email" maxLength={320} autoComplete="email" />}
      </Field>
      <button type="submit" className="button">
        {labels.submit}
      </button>
    </ActionForm>
  );
}
