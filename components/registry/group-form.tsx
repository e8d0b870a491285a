"use client";
import { useTranslations } from "next-intl";
import { saveGroup } from "@/server/registry/actions";
import { registryNameLength } from "@/server/registry/limits";
import { ActionForm, Field } from "../ui/action-form";

/** A new group, or (with `group`) its names changed; the result is announced beside the button. */
export function GroupForm({ group, onDone }: { group?: { id: string; nameDe: string; nameEn: string }; onDone?: (message: string) => void }) {
  const t = useTranslations("registry");
  return (
    <ActionForm
      action={saveGroup}
      onSuccess="refresh"
      summary
      successMessage={(_, form) => t(group ? "groupSaved" : "groupCreated", { name: String(form.get("nameDe") ?? "").trim() })}
      onResult={onDone ? (r) => (r.ok ? (onDone(r.message), true) : false) : undefined}
    >
      {group && <input type="hidden" name="id" value={group.id} />}
      <Field name="nameDe" label={t("nameDe")} hint={t("nameHint", registryNameLength)}>
        {(p) => <input {...p} defaultValue={group?.nameDe} autoComplete="off" />}
      </Field>
      <Field name="nameEn" label={t("nameEn")} hint={t("nameHint", registryNameLength)}>
        {(p) => <input {...p} defaultValue={group?.nameEn} autoComplete="off" lang="en" />}
      </Field>
      <button type="submit" className="button">
        {group ? t("save") : t("createGroup")}
      </button>
    </ActionForm>
  );
}
