import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Option = { value: string; label: string };

/** The log's filters as a GET form: the address names the view, so it can be bookmarked and shared. */
export async function AuditFilters({
  values,
  actors,
  actions,
  types,
}: {
  values: Record<"actor" | "action" | "type" | "target" | "from" | "to", string>;
  actors: { id: string; name: string }[];
  actions: Option[];
  types: Option[];
}) {
  const t = await getTranslations("audit");
  const select = (name: keyof typeof values, label: string, options: Option[]) => (
    <div className="field">
      <label htmlFor={`audit-${name}`}>{label}</label>
      <select id={`audit-${name}`} name={name} defaultValue={values[name]}>
        <option value="">{t("all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/admin/audit" className="form audit-filters" role="search" aria-label={t("filters")}>
      {select("actor", t("actor"), actors.map((a) => ({ value: a.id, label: a.name })))}
      {select("action", t("action"), actions)}
      {select("type", t("targetType"), types)}
      <div className="field">
        <label htmlFor="audit-target">{t("targetId")}</label>
        <input id="audit-target" name="target" defaultValue={values.target} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t("from")}</label>
        <input id="audit-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t("to")}</label>
        <input id="audit-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t("apply")}
        </button>
        <Link href="/admin/audit" className="button button--secondary">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
