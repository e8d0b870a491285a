import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listEditions } from "@/server/plans/queries";

/** At the top of a superseded edition's pages: it is no longer in force, and which edition replaced it. */
export async function SupersededNotice({ edition }: { edition: { id: string; phase: string } }) {
  if (edition.phase !== "superseded") return null;
  const t = await getTranslations("editions");
  const successor = (await listEditions(await getDatabase())).find((e) => e.predecessorId === edition.id && e.phase !== "draft");
  return (
    <div className="alert-box alert-box--warning" role="note">
      <p className="alert-box__title">{t("supersededTitle")}</p>
      <p>
        {successor
          ? t.rich("supersededBy", {
              title: successor.title,
              link: (chunks) => (
                <Link href={`/editions/${successor.id}`} lang="de">
                  {chunks}
                </Link>
              ),
            })
          : t("supersededNoSuccessor")}
      </p>
    </div>
  );
}
