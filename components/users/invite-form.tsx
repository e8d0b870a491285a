"use client";
import { useTranslations } from "next-intl";
import { inviteUser } from "@/server/users/actions";
import { nameLength } from "@/server/users/options";
import { ActionForm, Field } from "../ui/action-form";
import { MembershipFields, type GroupOption } from "./membership-fields";

export function InviteForm({ groups }: { groups: GroupOption[] }) {
  const t = useTranslations("users");
  const defaultGroup = groups.find((g) => g.key !== "kreistag") ?? groups[0];
  return (
    <ActionForm action={inviteUser} successMessage={(_, form) => t("inviteSent", { email: String(form.get("email") ?? "").trim() })} onSuccess="refresh" summary>
      <Field name="name" label={t("name")} hint={t("nameHint", nameLength)}>
        {(p) => <input {...p} autoComplete="off" />}
      </Field>
      <Field name="email" label={t("email")}>
        {(p) => <input {...p} type="email" autoComplete="off" spellCheck={false} />}
      </Field>
      <MembershipFields groups={groups} initial={{ role: "stakeholder", groupId: defaultGroup?.id ?? "", organisationId: null }} />
      <button type="submit" className="button">
        {t("sendInvitation")}
      </button>
    </ActionForm>
  );
}
