import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { DataTable } from "@/components/ui/data-table";
import { getDatabase } from "@/db/client";
import { AUDIT_PAGE_SIZE, getAuditFilterOptions, listAuditEntries, resolveAuditNames, type AuditFilter } from "@/server/audit/queries";
import { requirePage } from "@/server/auth/guards";
import { berlinLocalToDate } from "@/server/editions/time";

export const dynamic = "force-dynamic";

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** Message keys cannot hold dots: "edition.phase" is found as "edition_phase". */
const actionKey = (a: string) => `actions.${a.replace(/\./g, "_")}`;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");
/** A day (yyyy-mm-dd) in Berlin time: its start, or the start of the next day for "to". */
const day = (v: string, next = false) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = berlinLocalToDate(`${v}T00:00`);
  return d && next ? berlinLocalToDate(new Date(Date.UTC(+v.slice(0, 4), +v.slice(5, 7) - 1, +v.slice(8, 10) + 1)).toISOString().slice(0, 10) + "T00:00") : d;
};

export default async function AuditPage({ searchParams }: Search) {
  await requirePage("audit.view", null, "/admin/audit");
  const q = await searchParams;
  const values = { actor: one(q.actor), action: one(q.action), type: one(q.type), target: one(q.target), from: one(q.from), to: one(q.to) };
  const page = Math.max(1, Math.min(100_000, Number.parseInt(one(q.page), 10) || 1));
  const filter: AuditFilter = { actorId: values.actor || null, action: values.action || null, targetType: values.type || null, targetId: values.target || null, from: day(values.from), to: day(values.to, true) };
  const db = await getDatabase();
  const [{ rows, total }, options] = await Promise.all([listAuditEntries(db, { filter, page }), getAuditFilterOptions(db)]);
  const { names, feedbackEdition } = await resolveAuditNames(db, rows);
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const link = (p: number) => {
    const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return `/admin/audit${s ? `?${s}` : ""}`;
  };
  const target = (r: (typeof rows)[number]) => {
    if (!r.targetType) return "–";
    const name = r.targetId ? (names.get(r.targetId) ?? feedbackEdition.get(r.targetId)) : undefined;
    const type = t.has(`types.${r.targetType}`) ? t(`types.${r.targetType}`) : r.targetType;
    return (
      <>
        {type}
        {name && (
          <span className="stacked" lang="de">
            {r.targetType === "comment" || r.targetType === "feedback" ? t("inEdition", { title: name }) : name}
          </span>
        )}
        {r.targetId && <span className="meta stacked audit-id">{r.targetId}</span>}
      </>
    );
  };
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AuditFilters
        values={values}
        actors={options.actors}
        actions={options.actions.map((a) => ({ value: a, label: t.has(actionKey(a)) ? `${t(actionKey(a))} (${a})` : a }))}
        types={options.targetTypes.map((v) => ({ value: v, label: t.has(`types.${v}`) ? t(`types.${v}`) : v }))}
      />
      <h2 id="entries-heading">{t("count", { count: total })}</h2>
      <DataTable
        id="audit"
        caption={t("caption", { page, pages })}
        rows={rows}
        rowKey={(r) => String(r.id)}
        columns={[
          { key: "at", header: t("at"), rowHeader: true, cell: (r) => format.dateTime(r.at, { dateStyle: "medium", timeStyle: "medium" }) },
          { key: "actor", header: t("actor"), cell: (r) => (r.actorId ? (names.get(r.actorId) ?? <span className="audit-id">{r.actorId}</span>) : t("system")) },
          { key: "action", header: t("action"), cell: (r) => (t.has(actionKey(r.action)) ? t(actionKey(r.action)) : r.action) },
          { key: "target", header: t("target"), cell: target },
          {
            key: "data",
            header: t("data"),
            cell: (r) => (
              <span className="audit-data">
                {Object.entries(r.data)
                  .map(([k, v]) => `${k}: ${String(v)}`)
                  .join(" · ") || "–"}
              </span>
            ),
          },
        ]}
      />
      {pages > 1 && (
        <nav aria-label={t("paging")} className="pager">
          {page > 1 && <Link href={link(page - 1)}>{t("previous")}</Link>}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages && <Link href={link(page + 1)}>{t("next")}</Link>}
        </nav>
      )}
    </div>
  );
}
