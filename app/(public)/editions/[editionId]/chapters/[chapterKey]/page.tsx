import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SampleNotice } from "@/components/plans/sample-notice";
import { SectionText } from "@/components/plans/section-text";
import { loadReadableEdition } from "@/server/plans/access";
import { getChapterWithText } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

export default async function ChapterPage({ params }: { params: Promise<{ editionId: string; chapterKey: string }> }) {
  const { editionId, chapterKey } = await params;
  const { db, edition } = await loadReadableEdition(editionId);
  const found = await getChapterWithText(db, { editionId, chapterKey });
  if (!found) notFound();
  const { chapter } = found;
  const t = await getTranslations("editions");
  return (
    <div className="page">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href={`/editions/${edition.id}`}>{edition.title}</Link>
      </nav>
      <h1>
        <span className="num">{chapter.number}</span> {chapter.title}
      </h1>
      {edition.isSample && <SampleNotice />}
      {chapter.intro && <p className="lead">{chapter.intro}</p>}
      {chapter.sections.map((s) => (
        <section key={s.id} aria-labelledby={`s-${s.id}`}>
          <h2 id={`s-${s.id}`}>
            <Link href={`/editions/${edition.id}/sections/${s.key}`}>
              <span className="num">{s.number}</span> {s.title}
            </Link>
          </h2>
          {s.revision ? <SectionText blocks={s.revision.blocks} /> : <p>{t("noText")}</p>}
        </section>
      ))}
    </div>
  );
}
