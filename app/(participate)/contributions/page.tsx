import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { StatusBadges } from "@/components/contributions/status-badges";
import { requirePage } from "@/server/auth/guards";
import { getMyContributions } from "@/server/contributions/queries";
import { plainUserText } from "@/server/text/markdown";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("contributions");
  return { title: t("title") };
}

const excerpt = (text: string, max = 240) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")} …` : text);

/** Everything I wrote and voted, with its status, each linking to where it stands. */
export default async function ContributionsPage() {
  const user = (await requirePage("contributions.view", null, "/contributions"))!;
  const mine = await getMyContributions(await getDatabase(), { userId: user.id });
  const t = await getTranslations("contributions");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link href="/account">{(await getTranslations("account"))("title")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>

      <section aria-labelledby="my-comments">
        <h2 id="my-comments">{t("comments")}</h2>
        {mine.comments.length === 0 ? (
          <p>{t("noComments")}</p>
        ) : (
          <ul className="contribution-list">
            {mine.comments.map((c) => {
              const href = c.sectionKey
                ? `/editions/${c.editionId}/sections/${encodeURIComponent(c.sectionKey)}#comment-${c.id}`
                : `/editions/${c.editionId}/proposals/${c.proposalId}#comment-${c.id}`;
              const where = c.sectionTitle ? t("section", { title: c.sectionTitle }) : t("onProposal", { title: c.proposalTitle ?? "" });
              return (
                <li key={c.id} className="contribution">
                  <p className="contribution__where">
                    <Link href={href}>{c.isReply ? `${t("reply")} – ${where}` : where}</Link> <StatusBadges status={c.status} />
                  </p>
                  {c.body === null ? (
                    <p className="contribution__text contribution__text--gone">{t("deletedText")}</p>
                  ) : (
                    <>
                      {c.quote && (
                        <blockquote className="contribution__quote" lang="de">
                          {excerpt(c.quote, 160)}
                        </blockquote>
                      )}
                      <p className="contribution__text" lang={user.locale}>
                        {excerpt(plainUserText(c.body))}
                      </p>
                    </>
                  )}
                  <p className="contribution__meta">
                    <time dateTime={c.createdAt.toISOString()}>{when(c.createdAt)}</time> · <span lang="de">{c.editionTitle}</span> · {t("replies", { count: c.replyCount })}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-proposals">
        <h2 id="my-proposals">{t("proposals")}</h2>
        {mine.proposals.length === 0 ? (
          <p>{t("noProposals")}</p>
        ) : (
          <ul className="contribution-list">
            {mine.proposals.map((p) => (
              <li key={p.id} className="contribution">
                <p className="contribution__where">
                  <Link href={`/editions/${p.editionId}/proposals/${p.id}`} lang={user.locale}>
                    {p.title}
                  </Link>{" "}
                  <StatusBadges status={p.status} />
                </p>
                <p className="contribution__meta">
                  <time dateTime={p.createdAt.toISOString()}>{when(p.createdAt)}</time> · <span lang="de">{t("chapter", { title: p.chapterTitle })}</span> ·{" "}
                  <span lang="de">{p.editionTitle}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-votes">
        <h2 id="my-votes">{t("votes")}</h2>
        {mine.votes.length === 0 ? (
          <p>{t("noVotes")}</p>
        ) : (
          <ul className="contribution-list">
            {mine.votes.map((v) => (
              <li key={v.proposalId} className="contribution">
                <p className="contribution__where">
                  <Link href={`/editions/${v.editionId}/proposals/${v.proposalId}`}>{v.title}</Link>{" "}
                  {v.withdrawn && <span className="badge badge--warning">{t("status.withdrawn")}</span>}
                </p>
                <p className="contribution__meta">
                  {t("col.choice")}: <strong>{t(`choices.${v.choice}`)}</strong> · <time dateTime={v.updatedAt.toISOString()}>{when(v.updatedAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
