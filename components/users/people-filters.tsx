import Link from "next/link";
import { useTranslations } from "next-intl";
import { roleOptions } from "@/server/users/options";
import styles from "./people.module.css";
import { personStates } from "@/server/users/person-states";

type Group = { id: string; name: string; organisations: { id: string; name: string }[] };
type Values = { q: string; role: string; group: string; org: string; place: string; state: string };

/** Search and filters as a plain GET form: the address keeps them, so a filtered list can be bookmarked and shared. */
export function PeopleFilters({ groups, places, values }: { groups: Group[]; places: { id: string; name: string }[]; values: Values }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const any = t("filters.any");
  return (
    <form method="get" action="/admin/users" className={styles.filters} role="search" aria-label={t("filters.label")}>
      <div className={`field ${styles.search}`}>
        <label htmlFor="people-q">{t("filters.search")}</label>
        <input id="people-q" name="q" type="search" defaultValue={values.q} autoComplete="off" spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor="people-role">{t("role")}</label>
        <select id="people-role" name="role" defaultValue={values.role}>
          <option value="">{any}</option>
          {roleOptions.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="people-group">{t("group")}</label>
        <select id="people-group" name="group" defaultValue={values.group}>
          <option value="">{any}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="people-org">{t("organisation")}</label>
        <select id="people-org" name="org" defaultValue={values.org}>
          <option value="">{any}</option>
          {groups
            .filter((g) => g.organisations.length > 0)
            .map((g) => (
              <optgroup key={g.id} label={g.name}>
                {g.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="people-place">{t("municipality")}</label>
        <select id="people-place" name="place" defaultValue={values.place}>
          <option value="">{any}</option>
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="people-state">{t("status")}</label>
        <select id="people-state" name="state" defaultValue={values.state}>
          <option value="">{any}</option>
          {personStates.map((s) => (
            <option key={s} value={s}>
              {t(s)}
            </option>
          ))}
        </select>
      </div>
      <div className={`button-row ${styles.buttons}`}>
        <button type="submit" className="button">
          {t("filters.apply")}
        </button>
        <Link href="/admin/users" className="button button--secondary">
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
