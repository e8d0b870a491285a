"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Role } from "@/db/schema/enums";
import { inviteUser } from "@/server/users/actions";
import { ActionForm, Field } from "../ui/action-form";

type Group = { id: string; name: string; organisations: { id: string; name: string }[] };
const roleOptions: Role[] = ["stakeholder", "council", "officer"];

export function InviteForm({ groups }: { groups: Group[] }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const [groupId, setGroupId] = useState(groups[0]?.id ?? "");
  const organisations = groups.find((g) => g.id === groupId)?.organisations ?? [];
  return (
    <ActionForm action={inviteUser} successMessage={t("inviteSent")} onSuccess="refresh">
      <Field name="name" label={t("name")}>
        {(p) => <input {...p} required minLength={2} maxLength={120} autoComplete="off" />}
      </Field>
      <Field name="email" label={t("email")}>
        {(p) => <input {...p} type="email" required autoComplete="off" />}
      </Field>
      <Field name="role" label={t("role")}>
        {(p) => (
          <select {...p} defaultValue="stakeholder">
            {roleOptions.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="groupId" label={t("group")}>
        {(p) => (
          <select {...p} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="organisationId" label={t("organisation")}>
        {(p) => (
          <select {...p} key={groupId} defaultValue="">
            <option value="">{t("noOrganisation")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button">
        {t("sendInvitation")}
      </button>
    </ActionForm>
  );
}
