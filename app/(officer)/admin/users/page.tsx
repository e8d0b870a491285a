import { getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { InviteForm } from "@/components/users/invite-form";
import { UserControls } from "@/components/users/user-controls";
import { requirePage } from "@/server/auth/guards";
import { listGroupsWithOrganisations, listUsers } from "@/server/users/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const me = (await requirePage("users.view", null, "/admin/users"))!;
  const db = await getDatabase();
  const [people, groups] = await Promise.all([listUsers(db), listGroupsWithOrganisations(db)]);
  const t = await getTranslations("users");
  const tr = await getTranslations("roles");
  const en = (await getLocale()) === "en";
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t("inviteHeading")}</h2>
        <InviteForm groups={groups.map((g) => ({ id: g.id, name: en ? g.nameEn : g.nameDe, organisations: g.organisations }))} />
      </section>
      <h2>{t("listHeading", { count: people.length })}</h2>
      <div className="table-scroll" role="region" aria-label={t("listHeading", { count: people.length })} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("group")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.email}</td>
                <td>
                  {en ? p.groupNameEn : p.groupNameDe}
                  {p.organisation && <div className="meta">{p.organisation}</div>}
                </td>
                <td>{!p.active ? t("inactive") : p.hasPassword ? t("active") : t("invited")}</td>
                <td>
                  {p.id === me.id ? (
                    <span>
                      {tr(p.role)} ({t("you")})
                    </span>
                  ) : (
                    <UserControls userId={p.id} name={p.name} role={p.role} active={p.active} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
