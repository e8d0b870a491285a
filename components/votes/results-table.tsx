import { getTranslations } from "next-intl/server";
import type { VoteChoice } from "@/server/proposals/inputs";
import type { PrivateResults } from "@/server/results/by-group";
import { minGroupSize } from "@/server/results/by-group";

type Group = { id: string; name: string };

/**
 * Totals and the split by stakeholder group, exactly as the privacy rule (server/results) hands
 * them out: shown groups, "weitere Gruppen" and the total. Nothing else is passed in.
 */
export async function ResultsTable({ id, results, groups, caption }: { id: string; results: PrivateResults<VoteChoice>; groups: Group[]; caption: string }) {
  const t = await getTranslations("proposals.results");
  if (results.total.voters === 0) return <p className="meta">{t("none")}</p>;
  const name = (groupId: string) => groups.find((g) => g.id === groupId)?.name ?? groupId;
  const rows = [
    ...results.groups.map((g) => ({ key: g.groupId, label: name(g.groupId), c: g, kind: "group" })),
    ...(results.pooled ? [{ key: "pooled", label: t("pooled"), c: results.pooled, kind: "pooled" }] : []),
    { key: "total", label: t("total"), c: results.total, kind: "total" },
  ];
  return (
    <div className="results">
      {/* One card per group on phones (the house's table cards), a plain table on wider screens. */}
      <table id={id} className="data-table data-table--cards results-table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("group")}</th>
            <th scope="col">{t("for")}</th>
            <th scope="col">{t("against")}</th>
            <th scope="col">{t("abstain")}</th>
            <th scope="col">{t("voters")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`results-table__${r.kind}`}>
              <th scope="row">{r.label}</th>
              <td data-label={t("for")}>{r.c.for}</td>
              <td data-label={t("against")}>{r.c.against}</td>
              <td data-label={t("abstain")}>{r.c.abstain}</td>
              <td data-label={t("voters")}>{r.c.voters}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">{t("privacy", { min: minGroupSize() })}</p>
    </div>
  );
}
