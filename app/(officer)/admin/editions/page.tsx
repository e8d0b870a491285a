import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CopyEdition } from "@/components/editions/copy-edition";
import { PhaseBadge } from "@/components/plans/phase-badge";
import { DataTable } from "@/components/ui/data-table";
import { getDatabase } from "@/db/client";
import { requirePage } from "@/server/auth/guards";
import { actorOf, can } from "@/server/permissions";
import { listEditions } from "@/server/plans/queries";
import { officerEditionWork } from "@/server/editions/access";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("editionsAdmin");
  return { title: t("title") };
}

export default async function EditionsAdminPage() {
  const me = await requirePage("edition.edit", officerEditionWork, "/admin/editions");
  const db = await getDatabase();
  const editions = await listEditions(db);
  const t = await getTranslations("editionsAdmin");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "–");
  const nextYear = Math.max(new Date().getFullYear() + 1, ...editions.map((e) => e.year + 1));
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>{t("copyHintGeneral")}</p>
      <DataTable
        id="editions"
        caption={t("listCaption")}
        rows={editions}
        rowKey={(e) => e.id}
        columns={[
          {
            key: "title",
            header: t("editionTitle"),
            rowHeader: true,
            cell: (e) => (
              <Link href={`/admin/editions/${e.id}`} lang="de">
                {e.title}
              </Link>
            ),
          },
          { key: "year", header: t("year"), cell: (e) => e.year },
          { key: "phase", header: t("phase"), cell: (e) => <PhaseBadge phase={e.phase} /> },
          { key: "window", header: t("window"), cell: (e) => (e.opensAt || e.closesAt ? `${when(e.opensAt)} – ${when(e.closesAt)}` : t("windowNotSet")) },
          {
            key: "actions",
            header: t("actions"),
            cell: (e) => (can(actorOf(me), "edition.copy", e) ? <CopyEdition editionId={e.id} sourceTitle={e.title} year={nextYear} /> : null),
          },
        ]}
      />
    </div>
  );
}
