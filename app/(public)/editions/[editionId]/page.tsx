import { getTranslations } from "next-intl/server";
import { EditionFacts } from "@/components/plans/edition-facts";
import { EditionOutline } from "@/components/plans/edition-outline";
import { SampleNotice } from "@/components/plans/sample-notice";
import { loadReadableEdition } from "@/server/plans/access";
import { getOutline } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

export default async function EditionPage({ params }: { params: Promise<{ editionId: string }> }) {
  const { editionId } = await params;
  const { db, edition } = await loadReadableEdition(editionId);
  const outline = await getOutline(db, { editionId });
  const t = await getTranslations("editions");
  return (
    <div className="page">
      <h1>{edition.title}</h1>
      {edition.isSample && <SampleNotice />}
      <EditionFacts edition={edition} />
      <h2>{t("contents")}</h2>
      <EditionOutline editionId={edition.id} outline={outline} label={t("contents")} />
    </div>
  );
}
