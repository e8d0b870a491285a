"use client";
import { useTranslations } from "next-intl";
import { acceptInvitation } from "@/server/users/actions";
import { ActionForm, Field } from "../ui/action-form";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("invitation");
  return (
    <ActionForm action={acceptInvitation} successMessage={t("done")} onSuccess={{ redirect: "/signin" }}>
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
