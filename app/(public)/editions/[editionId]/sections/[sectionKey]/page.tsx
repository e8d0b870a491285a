import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { AnnotatedText } from "@/components/comments/annotated-text";
import { CommentThread, loadThread, threadHref } from "@/components/comments/comment-thread";
import { ClientMessages } from "@/components/layout/client-messages";
import { SampleNotice } from "@/components/plans/sample-notice";
import { SectionText } from "@/components/plans/section-text";
import { SupersededNotice } from "@/components/plans/superseded-notice";
import { actorOf, can } from "@/server/permissions";
import { loadReadableSection } from "@/server/plans/access";
import { getSectionWithTextCached } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ editionId: string; sectionKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Once per request: the title and the page share the same queries. Two statements (the edition with
// the section's cache stamps, and the session); the text, outline and thread come from caches
// keyed by those stamps.
const load = cache(async (editionId: string, sectionKey: string) => {
  const { db, edition, stamp, user, textAsOf } = await loadReadableSection(editionId, sectionKey);
  if (!stamp) notFound();
  const found = await getSectionWithTextCached(db, { editionId, sectionKey, asOf: textAsOf, stamp });
  if (!found) notFound();
  return { edition, user, stamp, ...found };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { editionId, sectionKey } = await params;
  const { edition, section } = await load(editionId, sectionKey);
  const t = await getTranslations("editions");
  return { title: `${section.number} ${section.title} · ${t("shortTitle", { year: edition.year })}` };
}

export default async function SectionPage({ params, searchParams }: Params) {
  const { editionId, sectionKey } = await params;
  const query = await searchParams;
  const { edition, user, stamp, section, revision, prepared, previous, next } = await load(editionId, sectionKey);
  const t = await getTranslations("editions");
  const tc = await getTranslations("comments");
  const format = await getFormatter();
  const actor = actorOf(user);
  const participates = can(actor, "feedback.read", edition);
  const basePath = `/editions/${edition.id}/sections/${section.key}`;
  const target = { sectionId: section.id };
  const paragraphs = (prepared?.blocks ?? []).map((b, i) => ({
    key: b.key,
    label: tc("paragraphLabel", { number: i + 1 }),
    sentences: b.sentences,
  }));
  const thread = participates ? await loadThread({ edition, user, target, searchParams: query, currentRevision: revision, version: stamp.version }) : undefined;
  return (
    // The comment forms' and report dialog's messages; the rest of the app's stay on the server.
    <ClientMessages namespaces={["comments", "reports"]}>
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
        {revision && prepared ? (
          <>
            {thread ? (
              <AnnotatedText
                blocks={prepared.blocks}
                tableLabel={t("tableLabel")}
                counts={thread.paragraphCounts ?? new Map()}
                labels={new Map(paragraphs.map((p) => [p.key, p.label]))}
                canComment={can(actor, "comment.create", { edition })}
                href={(changes, hash) => threadHref(basePath, query, changes, hash)}
              />
            ) : (
              <SectionText blocks={prepared.blocks} tableLabel={t("tableLabel")} />
            )}
            <p className="meta">{t("revisionInfo", { number: revision.number, date: format.dateTime(revision.createdAt, { dateStyle: "long" }) })}</p>
          </>
        ) : (
          <p>{t("noText")}</p>
        )}
        {(participates || edition.phase === "consultation") && (
          <CommentThread
            edition={edition}
            user={user}
            target={target}
            basePath={basePath}
            searchParams={query}
            sectionText={revision ? { revisionId: revision.id, paragraphs } : null}
            data={thread}
          />
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
    </ClientMessages>
  );
}
