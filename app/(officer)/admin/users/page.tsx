import { getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { InviteForm } from "@/components/users/invite-form";
import { UserControls } from "@/components/users/user-controls";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { requirePage } from "@/server/auth/guards";
import { actorOf, can } from "@/server/permissions";
import { INVITATION_DAYS } from "@/server/users/invitations";
import { listGroupsWithOrganisations, listUsers } from "@/server/users/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

type Person = Awaited<ReturnType<typeof listUsers>>[number];

export default async function UsersPage() {
  const me = (await requirePage("users.view", null, "/admin/users"))!;
  const actor = actorOf(me);
  const db = await getDatabase();
  const [people, groupRows] = await Promise.all([listUsers(db), listGroupsWithOrganisations(db)]);
  const t = await getTranslations("users");
  const tr = await getTranslations("roles");
  const en = (await getLocale()) === "en";
  const groups = groupRows.map((g) => ({ id: g.id, key: g.key, name: en ? g.nameEn : g.nameDe, organisations: g.organisations }));
  const status = (p: Person) => (!p.active ? "inactive" : p.hasPassword ? "active" : "invited");
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t("inviteHeading")}</h2>
        <p>{t("inviteIntro", { days: INVITATION_DAYS })}</p>
        <InviteForm groups={groups} />
      </section>
      <h2 id="people-heading">{t("listHeading", { count: people.length })}</h2>
      <DataTable
        id="people"
        caption={t("listCaption")}
        captionHidden
        rows={people}
        rowKey={(p) => p.id}
        columns={[
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
                {status(p) === "invited" && p.invitationMail && <span className={`meta stacked mail-state mail-state--${p.invitationMail}`}>{t(`invitationMail.${p.invitationMail}`)}</span>}
              </>
            ),
          },
          {
            key: "actions",
            header: t("actions"),
            className: "cell--wide",
            cell: (p) =>
              can(actor, "user.manage", { userId: p.id }) ? (
                <UserControls person={{ id: p.id, name: p.name, role: p.role, active: p.active, groupId: p.groupId, organisationId: p.organisationId }} groups={groups} />
              ) : (
                <span className="meta" title={p.id === me.id ? t("youHint") : undefined}>
                  {p.id === me.id ? t("you") : null}
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}
