import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { EditionFacts } from "@/components/plans/edition-facts";
import { getCurrentUser } from "@/server/auth/session";
import { actorOf, can, consultationOpen } from "@/server/permissions";
import { listEditions } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const t = await getTranslations("home");
  const user = await getCurrentUser();
  const editions = (await listEditions(await getDatabase())).filter((e) => can(actorOf(user), "edition.read", e));
  // "Open" by the rule the server enforces for participation, not by the phase alone.
  const open = editions.filter((e) => consultationOpen(e));
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {open.map((e) => (
        <section key={e.id} className="card card--highlight" aria-labelledby={`open-${e.id}`}>
          <h2 id={`open-${e.id}`}>{t("openHeading", { title: e.title })}</h2>
          <EditionFacts edition={e} />
          <p>{user ? t("openSignedIn") : t("openPublic")}</p>
          <Link className="button" href={`/editions/${e.id}`}>
            {t("readDraft")}
          </Link>
        </section>
      ))}
      <section aria-labelledby="editions-heading">
        <h2 id="editions-heading">{t("editionsHeading")}</h2>
        <ul className="card-list">
          {editions.map((e) => (
            <li key={e.id} className="card">
              <h3 lang="de">
                <Link href={`/editions/${e.id}`}>{e.title}</Link>
              </h3>
              <EditionFacts edition={e} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
