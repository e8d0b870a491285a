import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionEditor } from "@/components/editor/section-editor";
import { Alert } from "@/components/ui/alert";
import { getDatabase } from "@/db/client";
import { requirePage } from "@/server/auth/guards";
import { officerEditionWork } from "@/server/editions/access";
import { getSectionForEditor } from "@/server/editions/queries";
import { actorOf, can } from "@/server/permissions";
import { getEdition } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ editionId: string; sectionKey: string }> };

async function load(editionId: string, sectionKey: string) {
  const db = await getDatabase();
  const edition = await getEdition(db, { editionId });
  const section = edition ? await getSectionForEditor(db, { editionId, sectionKey }) : null;
  return { edition, section };
}

export async function generateMetadata({ params }: Params) {
  const { editionId, sectionKey } = await params;
  const t = await getTranslations("editor");
  const { section } = await load(editionId, sectionKey);
  return { title: section ? t("pageTitle", { number: section.section.number, title: section.section.title }) : t("pageTitleGeneric") };
}

export default async function SectionEditorPage({ params }: Params) {
  const { editionId, sectionKey } = await params;
  const me = await requirePage("edition.edit", officerEditionWork, `/admin/editions/${editionId}/sections/${sectionKey}`);
  const { edition, section } = await load(editionId, sectionKey);
  if (!edition || !section) notFound();
  const t = await getTranslations("editor");
  const tp = await getTranslations("phases");
  const format = await getFormatter();
  const editable = can(actorOf(me), "edition.edit", edition);
  return (
    <div className="page editor-page">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href="/admin/editions">{t("editions")}</Link> ›{" "}
        <Link href={`/admin/editions/${edition.id}`} lang="de">
          {edition.title}
        </Link>
      </nav>
      <h1>
        <span lang="de">
          {section.section.number} {section.section.title}
        </span>
      </h1>
      <p className="meta" lang="de">
        {t("inChapter", { number: section.chapter.number, title: section.chapter.title })}
      </p>
      {editable ? (
        <SectionEditor editionId={edition.id} sectionKey={section.section.key} title={section.section.title} html={section.html} />
      ) : (
        <Alert tone="info">{t("readOnly", { phase: tp(edition.phase) })}</Alert>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("history")}</h2>
        {section.history.length === 0 ? (
          <p>{t("noHistory")}</p>
        ) : (
          <ol className="revision-history" reversed>
            {section.history.map((h) => (
              <li key={h.number}>
                {t("historyEntry", { number: h.number, date: format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" }), author: h.author ?? t("unknownAuthor") })}
                {h.note && <span className="meta stacked">{t("historyNote", { note: h.note })}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
