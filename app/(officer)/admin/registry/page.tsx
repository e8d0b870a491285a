import { getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { GroupControls } from "@/components/registry/group-controls";
import { GroupForm } from "@/components/registry/group-form";
import { OrganisationControls } from "@/components/registry/organisation-controls";
import { OrganisationForm } from "@/components/registry/organisation-form";
import { DataTable } from "@/components/ui/data-table";
import styles from "@/components/registry/registry.module.css";
import { requirePage } from "@/server/auth/guards";
import { listMunicipalities, registryOverview, type Participation } from "@/server/registry/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("registry");
  return { title: t("title") };
}

export default async function RegistryPage() {
  await requirePage("registry.manage", null, "/admin/registry");
  const db = await getDatabase();
  const [overview, places] = await Promise.all([registryOverview(db), listMunicipalities(db)]);
  const t = await getTranslations("registry");
  const en = (await getLocale()) === "en";
  const groups = overview.map((g) => ({ ...g, name: en ? g.nameEn : g.nameDe }));
  const groupOptions = groups.map((g) => ({ id: g.id, name: g.name }));
  const countColumns = <R extends { participation: Participation }>() => [
    { key: "invited", header: t("invited"), className: "cell--number", cell: (r: R) => r.participation.invited },
    { key: "accepted", header: t("accepted"), className: "cell--number", cell: (r: R) => r.participation.accepted },
    { key: "tookPart", header: t("tookPart"), className: "cell--number", cell: (r: R) => r.participation.tookPart },
  ];
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="registry-overview">
        <h2 id="registry-overview">{t("overviewHeading")}</h2>
        <p className="meta">{t("countsExplained")}</p>
        <DataTable
          id="registry-groups"
          caption={t("overviewCaption")}
          captionHidden
          rows={groups}
          rowKey={(g) => g.id}
          columns={[
            { key: "name", header: t("group"), rowHeader: true, cell: (g) => <a href={`#group-${g.key}`}>{g.name}</a> },
            ...countColumns<(typeof groups)[number]>(),
            { key: "actions", header: t("actions"), className: "cell--wide", cell: (g) => <GroupControls group={{ id: g.id, nameDe: g.nameDe, nameEn: g.nameEn, name: g.name }} /> },
          ]}
        />
      </section>
      <div className={styles.twoColumns}>
        <section aria-labelledby="new-organisation" className="card">
          <h2 id="new-organisation">{t("newOrganisation")}</h2>
          <OrganisationForm groups={groupOptions} places={places} />
        </section>
        <section aria-labelledby="new-group" className="card">
          <h2 id="new-group">{t("newGroup")}</h2>
          <GroupForm />
        </section>
      </div>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`group-${g.key}`}>
          <h2 id={`group-${g.key}`} tabIndex={-1}>
            {g.name}
          </h2>
          {g.organisations.length === 0 ? (
            <p>{t("noOrganisations")}</p>
          ) : (
            <DataTable
              id={`orgs-${g.key}`}
              caption={t("organisationsCaption", { group: g.name })}
              captionHidden
              rows={g.organisations}
              rowKey={(o) => o.id}
              columns={[
                {
                  key: "name",
                  header: t("organisation"),
                  rowHeader: true,
                  cell: (o) => (
                    <>
                      <span>{o.name}</span>
                      {o.municipality && <span className="meta stacked">{o.municipality}</span>}
                    </>
                  ),
                },
                ...countColumns<(typeof g.organisations)[number]>(),
                {
                  key: "actions",
                  header: t("actions"),
                  className: "cell--wide",
                  cell: (o) => <OrganisationControls organisation={{ id: o.id, name: o.name, groupId: o.groupId, municipalityId: o.municipalityId }} groups={groupOptions} places={places} />,
                },
              ]}
            />
          )}
          {g.withoutOrganisation.invited > 0 && (
            <p className="meta">{t("withoutOrganisation", { invited: g.withoutOrganisation.invited, accepted: g.withoutOrganisation.accepted, tookPart: g.withoutOrganisation.tookPart })}</p>
          )}
        </section>
      ))}
    </div>
  );
}
