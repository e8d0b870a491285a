import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { BULK_FORM_ID, BulkForm } from "@/components/users/bulk-form";
import { ImportForm } from "@/components/users/import-form";
import { InviteForm } from "@/components/users/invite-form";
import { PeopleFilters } from "@/components/users/people-filters";
import { Pager } from "@/components/users/pager";
import { UserControls } from "@/components/users/user-controls";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { requirePage } from "@/server/auth/guards";
import { actorOf, can } from "@/server/permissions";
import { listMunicipalities } from "@/server/registry/queries";
import { INVITATION_DAYS } from "@/server/users/invitations";
import { IMPORT_MAX_ROWS } from "@/server/users/import-limits";
import { roleOptions } from "@/server/users/options";
import { listGroupsWithOrganisations, listPeople, personStates, type PeopleFilter } from "@/server/users/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const uuid = (v: string | undefined) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);

/** The list's filter from the address (search, role, group, organisation, municipality, state, page); unknown values are ignored. */
function filterOf(sp: Search): PeopleFilter {
  const role = one(sp.role);
  const state = one(sp.state);
  return {
    q: one(sp.q)?.slice(0, 200),
    role: roleOptions.find((r) => r === role),
    groupId: uuid(one(sp.group)),
    organisationId: uuid(one(sp.org)),
    municipalityId: uuid(one(sp.place)),
    state: personStates.find((s) => s === state),
    page: Number.parseInt(one(sp.page) ?? "1", 10) || 1,
  };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const me = (await requirePage("users.view", null, "/admin/users"))!;
  const actor = actorOf(me);
  const sp = await searchParams;
  const filter = filterOf(sp);
  const db = await getDatabase();
  const [people, groupRows, places] = await Promise.all([listPeople(db, filter), listGroupsWithOrganisations(db), listMunicipalities(db)]);
  const t = await getTranslations("users");
  const tr = await getTranslations("roles");
  const en = (await getLocale()) === "en";
  const groups = groupRows.map((g) => ({ id: g.id, key: g.key, name: en ? g.nameEn : g.nameDe, organisations: g.organisations }));
  type Person = (typeof people.rows)[number];
  const status = (p: Person) => (!p.active ? "inactive" : p.hasPassword ? "active" : "invited");
  const filtered = Boolean(filter.q || filter.role || filter.groupId || filter.organisationId || filter.municipalityId || filter.state);
  const params = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (k !== "page" && typeof v === "string" && v ? [[k, v]] : [])));
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p>
        <Link href="/admin/registry">{t("registryLink")}</Link>
      </p>
      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t("inviteHeading")}</h2>
        <p>{t("inviteIntro", { days: INVITATION_DAYS })}</p>
        <InviteForm groups={groups} />
      </section>
      <section aria-labelledby="import-heading" className="card">
        <h2 id="import-heading">{t("import.heading")}</h2>
        <p>{t("import.intro", { days: INVITATION_DAYS, max: IMPORT_MAX_ROWS })}</p>
        <ImportForm />
      </section>
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{filtered ? t("listHeadingFiltered", { count: people.total }) : t("listHeading", { count: people.total })}</h2>
        <PeopleFilters groups={groups} places={places} values={{ q: filter.q ?? "", role: filter.role ?? "", group: filter.groupId ?? "", org: filter.organisationId ?? "", place: filter.municipalityId ?? "", state: filter.state ?? "" }} />
        {people.rows.length === 0 ? (
          <p>{t("noneFound")}</p>
        ) : (
          <>
            <BulkForm />
            <DataTable
              id="people"
              caption={t("listCaption")}
              captionHidden
              rows={people.rows}
              rowKey={(p) => p.id}
              columns={[
                {
                  key: "select",
                  header: <span className="visually-hidden">{t("bulk.select")}</span>,
                  className: "cell--select",
                  cell: (p) =>
                    can(actor, "user.manage", { userId: p.id }) ? (
                      <input type="checkbox" name="userIds" value={p.id} form={BULK_FORM_ID} aria-label={t("bulk.selectName", { name: p.name })} />
                    ) : null,
                },
                {
                  key: "name",
                  header: t("name"),
                  rowHeader: true,
                  className: "cell--name",
                  cell: (p) => (
                    <>
                      <span className="person-name">{p.name}</span>
                      <span className="meta person-email">{p.email}</span>
                    </>
                  ),
                },
                {
                  key: "group",
                  header: t("group"),
                  cell: (p) => (
                    <>
                      {en ? p.groupNameEn : p.groupNameDe}
                      {p.organisation && <span className="meta stacked">{p.organisation}</span>}
                      {p.municipality && <span className="meta stacked">{p.municipality}</span>}
                    </>
                  ),
                },
                { key: "role", header: t("role"), cell: (p) => tr(p.role) },
                {
                  key: "status",
                  header: t("status"),
                  cell: (p) => (
                    <>
                      <Badge tone={status(p)}>{t(status(p))}</Badge>
                      {status(p) === "invited" && p.invitation && p.invitation !== "open" && <span className="meta stacked">{t(`invitationState.${p.invitation}`)}</span>}
                      {status(p) === "invited" && p.invitation === "open" && p.invitationMail && (
                        <span className={`meta stacked mail-state mail-state--${p.invitationMail}`}>{t(`invitationMail.${p.invitationMail}`)}</span>
                      )}
                    </>
                  ),
                },
                {
                  key: "actions",
                  header: t("actions"),
                  className: "cell--wide",
                  cell: (p) =>
                    can(actor, "user.manage", { userId: p.id }) ? (
                      <UserControls
                        person={{ id: p.id, name: p.name, role: p.role, active: p.active, groupId: p.groupId, organisationId: p.organisationId }}
                        groups={groups}
                        invitation={status(p) === "invited" ? { state: p.invitation } : null}
                      />
                    ) : (
                      <span className="meta" title={p.id === me.id ? t("youHint") : undefined}>
                        {p.id === me.id ? t("you") : null}
                      </span>
                    ),
                },
              ]}
            />
            <Pager page={people.page} pages={people.pages} params={params} />
          </>
        )}
      </section>
    </div>
  );
}
