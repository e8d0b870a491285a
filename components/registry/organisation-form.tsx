"use client";
import { useTranslations } from "next-intl";
import { saveOrganisation } from "@/server/registry/actions";
import { registryNameLength } from "@/server/registry/limits";
import { ActionForm, Field } from "../ui/action-form";
import { SelectField } from "../ui/field";

type Option = { id: string; name: string };
export type OrganisationValues = { id: string; name: string; groupId: string; municipalityId: string | null };

/** A new organisation, or (with `organisation`) a changed one: name, group and municipality. */
export function OrganisationForm({
  groups,
  places,
  organisation,
  defaultGroupId,
  onDone,
}: {
  groups: Option[];
  places: Option[];
  organisation?: OrganisationValues;
  defaultGroupId?: string;
  onDone?: (message: string) => void;
}) {
  const t = useTranslations("registry");
  return (
    <ActionForm
      action={saveOrganisation}
      onSuccess="refresh"
      summary
      successMessage={(_, form) => t(organisation ? "organisationSaved" : "organisationCreated", { name: String(form.get("name") ?? "").trim() })}
      onResult={onDone ? (r) => (r.ok ? (onDone(r.message), true) : false) : undefined}
    >
      {organisation && <input type="hidden" name="id" value={organisation.id} />}
      <Field name="name" label={t("organisationName")} hint={t("nameHint", registryNameLength)}>
        {(p) => <input {...p} defaultValue={organisation?.name} autoComplete="off" />}
      </Field>
      <SelectField name="groupId" label={t("group")} options={groups.map((g) => ({ value: g.id, label: g.name }))} defaultValue={organisation?.groupId ?? defaultGroupId ?? groups[0]?.id} />
      <SelectField
        name="municipalityId"
        label={t("municipality")}
        options={[{ value: "", label: t("noMunicipality") }, ...places.map((p) => ({ value: p.id, label: p.name }))]}
        defaultValue={organisation?.municipalityId ?? ""}
      />
      <button type="submit" className="button">
        {organisation ? t("save") : t("createOrganisation")}
      </button>
    </ActionForm>
  );
}
