import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EditionFacts } from "@/components/plans/edition-facts";
import { EditionOutline } from "@/components/plans/edition-outline";
import { SampleNotice } from "@/components/plans/sample-notice";
import { SupersededNotice } from "@/components/plans/superseded-notice";
import Link from "next/link";
import { actorOf, can } from "@/server/permissions";
import { loadReadableEdition } from "@/server/plans/access";
import { getOutline } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ editionId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { edition } = await loadReadableEdition((await params).editionId);
  return { title: edition.title };
}

export default async function EditionPage({ params }: Params) {
  const { editionId } = await params;
  const { db, edition, user } = await loadReadableEdition(editionId);
  const outline = await getOutline(db, { editionId });
  const t = await getTranslations("editions");
  return (
    <div className="page">
      <SupersededNotice edition={edition} />
      <h1 lang="de">{edition.title}</h1>
      {edition.isSample && <SampleNotice />}
      <EditionFacts edition={edition} />
      {can(actorOf(user), "feedback.read", edition) && (
        <p>
          <Link href={`/editions/${edition.id}/proposals`}>{(await getTranslations("proposals"))("editionLink")}</Link>
        </p>
      )}
      <p>
        <Link href={`/editions/${edition.id}/search`}>{(await getTranslations("search"))("searchLink")}</Link>
      </p>
      <h2>{t("contents")}</h2>
      <EditionOutline editionId={edition.id} outline={outline} label={t("contents")} />
    </div>
  );
}
