import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SampleNotice } from "@/components/plans/sample-notice";
import { SectionText } from "@/components/plans/section-text";
import { SupersededNotice } from "@/components/plans/superseded-notice";
import { loadReadableEdition } from "@/server/plans/access";
import { getSectionWithText } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ editionId: string; sectionKey: string }> };

async function load({ params }: Params) {
  const { editionId, sectionKey } = await params;
  const { db, edition, textAsOf } = await loadReadableEdition(editionId);
  const found = await getSectionWithText(db, { editionId, sectionKey, asOf: textAsOf });
  if (!found) notFound();
  return { edition, ...found };
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const { edition, section } = await load(props);
  const t = await getTranslations("editions");
  return { title: `${section.number} ${section.title} · ${t("shortTitle", { year: edition.year })}` };
}

export default async function SectionPage(props: Params) {
  const { edition, section, revision, previous, next } = await load(props);
  const t = await getTranslations("editions");
  const format = await getFormatter();
  return (
    <div className="page">
      <SupersededNotice edition={edition} />
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href={`/editions/${edition.id}`} lang="de">
          {edition.title}
        </Link>{" "}
        ›{" "}
        <Link href={`/editions/${edition.id}/chapters/${section.chapter.key}`} lang="de">
          {section.chapter.number} {section.chapter.title}
        </Link>
      </nav>
      <h1 lang="de">
        <span className="num">{section.number}</span> {section.title}
      </h1>
      {edition.isSample && <SampleNotice />}
      {revision ? (
        <>
          <SectionText blocks={revision.blocks} tableLabel={t("tableLabel")} />
          <p className="meta">{t("revisionInfo", { number: revision.number, date: format.dateTime(revision.createdAt, { dateStyle: "long" }) })}</p>
        </>
      ) : (
        <p>{t("noText")}</p>
      )}
      <nav aria-label={t("sectionNavigation")} className="pager">
        {previous && (
          <Link rel="prev" href={`/editions/${edition.id}/sections/${previous.key}`} lang="de">
            ← {previous.number} {previous.title}
          </Link>
        )}
        {next && (
          <Link rel="next" href={`/editions/${edition.id}/sections/${next.key}`} lang="de">
            {next.number} {next.title} →
          </Link>
        )}
      </nav>
    </div>
  );
}
