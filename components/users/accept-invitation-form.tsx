"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { acceptInvitation } from "@/server/users/actions";
import { postSignIn } from "../auth/sign-in-forms";
import Link from "next/link";
import { ActionForm, Field, useField } from "../ui/action-form";

/**
 * Sets the password, then signs the person in with it and opens the start page. Should that
 * sign-in not go through (e.g. a rate limit), the sign-in page opens with the address filled in
 * and a word that the password is saved.
 */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invitation");
  const router = useRouter();
  return (
    <ActionForm
      successMessage={t("done")}
      action={async (prev, data) => {
        const result = await acceptInvitation(prev, data);
        if (!result.ok) return result;
        const signedIn = await postSignIn("/api/auth/callback/password", { email, password: String(data.get("password") ?? ""), callbackUrl: "/" });
        if (signedIn.outcome === "ok") {
          router.replace("/");
          router.refresh();
        } else {
          router.replace(`/signin?${new URLSearchParams({ invited: "1", email })}`);
        }
        return result;
      }}
    >
      <input type="hidden" name="token" value={token} />
      <Field name="password" label={t("password")}>
        {(p) => <input {...p} type="password" required minLength={10} autoComplete="new-password" />}
      </Field>
      <Field name="passwordRepeat" label={t("passwordRepeat")}>
        {(p) => <input {...p} type="password" required minLength={10} autoComplete="new-password" />}
      </Field>
      <TermsCheckbox />
      <button type="submit" className="button">
        {t("submit")}
      </button>
    </ActionForm>
  );
}

/** The required agreement to the terms of use, with its error beside it. */
function TermsCheckbox() {
  const t = useTranslations("invitation");
  const { id, error, props } = useField("terms", t("termsName"));
  return (
    <div className="field">
      <label className="choice" htmlFor={id}>
        <input {...props} type="checkbox" value="on" required aria-required="true" />{" "}
        {t.rich("terms", { link: (chunks) => <Link href="/nutzungsbedingungen">{chunks}</Link> })}
      </label>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
