"use client";
import { useTranslations } from "next-intl";
import type { Role } from "@/db/schema/enums";
import { setUserActive, setUserRole } from "@/server/users/actions";
import { ActionForm, Field } from "../ui/action-form";

const roleOptions: Role[] = ["stakeholder", "council", "officer"];

export function UserControls({ userId, name, role, active }: { userId: string; name: string; role: Role; active: boolean }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  return (
    <div className="row-controls">
      <ActionForm action={setUserRole} successMessage={t("roleSaved")} onSuccess="refresh" className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <Field name="role" label={t("roleFor", { name })}>
          {(p) => (
            <select {...p} defaultValue={role}>
              {roleOptions.map((r) => (
                <option key={r} value={r}>
                  {tr(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--secondary">
          {t("saveRole")}
        </button>
      </ActionForm>
      <ActionForm action={setUserActive} successMessage={active ? t("deactivated") : t("reactivated")} onSuccess="refresh" className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <button type="submit" className="button button--secondary" aria-label={active ? t("deactivateName", { name }) : t("reactivateName", { name })}>
          {active ? t("deactivate") : t("reactivate")}
        </button>
      </ActionForm>
    </div>
  );
}
