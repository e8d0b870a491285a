"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Role } from "@/db/schema/enums";
import { COUNCIL_GROUP_KEY, roleOptions } from "@/server/users/options";
import { SelectField } from "../ui/field";

export type GroupOption = { id: string; key: string; name: string; organisations: { id: string; name: string }[] };

/**
 * Role, group and organisation, chosen together. The rule is said before saving (hint under the
 * role), and choosing the role Kreistag moves the person into the group Kreistag.
 */
export function MembershipFields({
  groups,
  initial,
  extraHint,
}: {
  groups: GroupOption[];
  initial: { role: Role; groupId: string; organisationId: string | null };
  extraHint?: string;
}) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const [role, setRole] = useState<Role>(initial.role);
  const [groupId, setGroupId] = useState(initial.groupId);
  const [organisationId, setOrganisationId] = useState(initial.organisationId ?? "");
  const council = groups.find((g) => g.key === COUNCIL_GROUP_KEY);
  const organisations = groups.find((g) => g.id === groupId)?.organisations ?? [];
  const chooseGroup = (id: string) => {
    setGroupId(id);
    setOrganisationId("");
  };
  return (
    <>
      <SelectField
        name="role"
        label={t("role")}
        hint={extraHint ? `${t("membershipRule")} ${extraHint}` : t("membershipRule")}
        options={roleOptions.map((r) => ({ value: r, label: tr(r) }))}
        value={role}
        onChange={(v) => {
          setRole(v as Role);
          if (v === "council" && council && groupId !== council.id) chooseGroup(council.id);
        }}
      />
      <SelectField name="groupId" label={t("group")} options={groups.map((g) => ({ value: g.id, label: g.name }))} value={groupId} onChange={chooseGroup} />
      <SelectField
        name="organisationId"
        label={t("organisation")}
        options={[{ value: "", label: t("noOrganisation") }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        value={organisationId}
        onChange={setOrganisationId}
      />
    </>
  );
}
