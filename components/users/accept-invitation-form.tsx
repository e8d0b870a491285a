"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { acceptInvitation } from "@/server/users/actions";
import { postSignIn } from "../auth/sign-in-forms";
import { ActionForm, Field } from "../ui/action-form";

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
      <button type="submit" className="button">
        {t("submit")}
      </button>
    </ActionForm>
  );
}
