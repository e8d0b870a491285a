import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SampleNotice } from "@/components/plans/sample-notice";
import { SectionText } from "@/components/plans/section-text";
import { loadReadableEdition } from "@/server/plans/access";
import { getSectionWithText } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

export default async function SectionPage({ params }: { params: Promise<{ editionId: string; sectionKey: string }> }) {
  const { editionId, sectionKey } = await params;
  const { db, edition } = await loadReadableEdition(editionId);
  const found = await getSectionWithText(db, { editionId, sectionKey });
  if (!found) notFound();
  const { section, revision, previous, next } = found;
  const t = await getTranslations("editions");
  const format = await getFormatter();
  return (
    <div className="page">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href={`/editions/${edition.id}`}>{edition.title}</Link> ›{" "}
        <Link href={`/editions/${edition.id}/chapters/${section.chapter.key}`}>
          {section.chapter.number} {section.chapter.title}
        </Link>
      </nav>
      <h1>
        <span className="num">{section.number}</span> {section.title}
      </h1>
      {edition.isSample && <SampleNotice />}
      {revision ? (
        <>
          <SectionText blocks={revision.blocks} />
          <p className="meta">{t("revisionInfo", { number: revision.number, date: format.dateTime(revision.createdAt, { dateStyle: "long" }) })}</p>
        </>
      ) : (
        <p>{t("noText")}</p>
      )}
      <nav aria-label={t("sectionNavigation")} className="pager">
        {previous && (
          <Link rel="prev" href={`/editions/${edition.id}/sections/${previous.key}`}>
            ← {previous.number} {previous.title}
          </Link>
        )}
        {next && (
          <Link rel="next" href={`/editions/${edition.id}/sections/${next.key}`}>
            {next.number} {next.title} →
          </Link>
        )}
      </nav>
    </div>
  );
}
