import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SampleNotice } from "@/components/plans/sample-notice";
import { SectionText } from "@/components/plans/section-text";
import { SupersededNotice } from "@/components/plans/superseded-notice";
import { actorOf, can } from "@/server/permissions";
import { loadReadableEdition } from "@/server/plans/access";
import { getChapterWithText } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ editionId: string; chapterKey: string }> };

async function load({ params }: Params) {
  const { editionId, chapterKey } = await params;
  const { db, edition, user, textAsOf } = await loadReadableEdition(editionId);
  const found = await getChapterWithText(db, { editionId, chapterKey, asOf: textAsOf });
  if (!found) notFound();
  return { edition, user, chapter: found.chapter };
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const { edition, chapter } = await load(props);
  const t = await getTranslations("editions");
  return { title: `${chapter.number} ${chapter.title} · ${t("shortTitle", { year: edition.year })}` };
}

export default async function ChapterPage(props: Params) {
  const { edition, user, chapter } = await load(props);
  const t = await getTranslations("editions");
  const tp = await getTranslations("proposals");
  return (
    <div className="page">
      <SupersededNotice edition={edition} />
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href={`/editions/${edition.id}`} lang="de">
          {edition.title}
        </Link>
      </nav>
      <h1 lang="de">
        <span className="num">{chapter.number}</span> {chapter.title}
      </h1>
      {edition.isSample && <SampleNotice />}
      {chapter.intro && (
        <p className="lead" lang="de">
          {chapter.intro}
        </p>
      )}
      {can(actorOf(user), "feedback.read", edition) && (
        <p>
          <Link href={`/editions/${edition.id}/proposals?chapter=${chapter.key}`}>{tp("chapterLink")}</Link>
        </p>
      )}
      {chapter.sections.map((s) => (
        <section key={s.id} aria-labelledby={`s-${s.id}`}>
          <h2 id={`s-${s.id}`} lang="de">
            <Link href={`/editions/${edition.id}/sections/${s.key}`}>
              <span className="num">{s.number}</span> {s.title}
            </Link>
          </h2>
          {s.revision ? <SectionText blocks={s.revision.blocks} tableLabel={t("tableLabel")} /> : <p>{t("noText")}</p>}
        </section>
      ))}
    </div>
  );
}
