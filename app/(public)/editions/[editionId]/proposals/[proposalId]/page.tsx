import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CommentThread } from "@/components/comments/comment-thread";
import { WindowNotice } from "@/components/participation/window-notice";
import { SampleNotice } from "@/components/plans/sample-notice";
import { SupersededNotice } from "@/components/plans/superseded-notice";
import { ProposalByline } from "@/components/proposals/proposal-byline";
import { OwnProposalForm, OwnWithdrawForm } from "@/components/proposals/own-proposal-tools";
import { ReportButton } from "@/components/reports/report-button";
import { Alert } from "@/components/ui/alert";
import { ResultsTable } from "@/components/votes/results-table";
import { VoteControls } from "@/components/votes/vote-controls";
import { requirePage } from "@/server/auth/guards";
import { actorOf, can, decide } from "@/server/permissions";
import { loadReadableEdition } from "@/server/plans/access";
import { getOutline } from "@/server/plans/queries";
import { getMyVotes, getProposal, getResultsByGroup, listGroups } from "@/server/proposals/queries";
import { renderUserText } from "@/server/text/markdown";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ editionId: string; proposalId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(params: Props["params"]) {
  const { editionId, proposalId } = await params;
  return loadProposal(editionId, proposalId);
}

/** Once per request: the metadata and the page read the same proposal. */
const loadProposal = cache(async (editionId: string, proposalId: string) => {
  const readable = await loadReadableEdition(editionId);
  const user = await requirePage("feedback.read", readable.edition, `/editions/${editionId}/proposals/${proposalId}`);
  const proposal = await getProposal(readable.db, { editionId, proposalId, viewerId: user?.id ?? null });
  if (!proposal) notFound();
  return { ...readable, user, proposal };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { edition, proposal } = await load(params);
  const te = await getTranslations("editions");
  return { title: `${proposal.title} · ${te("shortTitle", { year: edition.year })}` };
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const { db, edition, user, proposal } = await load(params);
  const actor = actorOf(user);
  const [outline, groupRows] = await Promise.all([getOutline(db, { editionId: edition.id }), listGroups(db)]);
  const [results, myVotes] = await Promise.all([
    getResultsByGroup(db, { proposalIds: [proposal.id], groupOrder: groupRows.map((g) => g.id) }),
    getMyVotes(db, { proposalIds: [proposal.id], userId: user?.id ?? null }),
  ]);
  const r = results.get(proposal.id)!;
  const en = (await getLocale()) === "en";
  const groups = groupRows.map((g) => ({ id: g.id, name: en ? g.nameEn : g.nameDe }));
  const chapter = outline.find((c) => c.id === proposal.chapterId);
  const t = await getTranslations("proposals");
  const te = await getTranslations("editions");
  const format = await getFormatter();
  const lang = proposal.authorLocale ?? "de";
  const withdrawn = proposal.withdrawnAt !== null;
  const mayVote = can(actor, "vote.cast", { edition, withdrawn });
  const edit = decide(actor, "proposal.update", { edition, authorId: proposal.authorId, votes: r.total.voters, withdrawn });
  const mine = actor !== null && actor.id === proposal.authorId;
  const mayWithdraw = can(actor, "proposal.withdraw", { edition, authorId: proposal.authorId, withdrawn });
  const mayReport = can(actor, "report.create", { edition, authorId: proposal.authorId });
  const base = `/editions/${edition.id}/proposals`;
  return (
    <div className="page">
      <SupersededNotice edition={edition} />
      <nav aria-label={te("breadcrumb")} className="breadcrumb">
        <Link href={`/editions/${edition.id}`} lang="de">
          {edition.title}
        </Link>{" "}
        › <Link href={base}>{t("title")}</Link>
        {chapter && (
          <>
            {" "}
            ›{" "}
            <Link href={`${base}?chapter=${chapter.key}`} lang="de">
              {chapter.number} {chapter.title}
            </Link>
          </>
        )}
      </nav>
      <article className="proposal" aria-labelledby="proposal-title">
        <h1 id="proposal-title" lang={lang}>
          {proposal.title}
        </h1>
        <ProposalByline proposal={proposal} groupName={groups.find((g) => g.id === proposal.groupId)?.name ?? ""} />
        {edition.isSample && <SampleNotice />}
        {withdrawn && (
          <Alert tone="warning" title={t("withdrawnTitle")}>
            <p>{t("withdrawnNotice", { date: format.dateTime(proposal.withdrawnAt!, { dateStyle: "long" }) })}</p>
          </Alert>
        )}
        {proposal.hiddenAt && (
          <Alert tone="error" title={t("hiddenTitle")}>
            <p>{proposal.hiddenReason}</p>
          </Alert>
        )}
        <div className="user-text proposal__description" lang={lang} dangerouslySetInnerHTML={{ __html: renderUserText(proposal.description) }} />
        <dl className="facts">
          {chapter && (
            <div>
              <dt>{t("chapter")}</dt>
              <dd lang="de">
                <Link href={`/editions/${edition.id}/chapters/${chapter.key}`}>
                  {chapter.number} {chapter.title}
                </Link>
              </dd>
            </div>
          )}
          {proposal.responsibleActor && (
            <div>
              <dt>{t("responsibleActor")}</dt>
              <dd lang={lang}>{proposal.responsibleActor}</dd>
            </div>
          )}
        </dl>
        {mayReport && (
          // Not a <p>: the button brings a <dialog>, which the HTML parser never keeps inside a paragraph.
          <div className="proposal__report">
            <ReportButton feedbackId={proposal.id} label={t("report", { title: proposal.title })} />
          </div>
        )}
      </article>

      <section aria-labelledby="vote-heading" className="card proposal-vote">
        <h2 id="vote-heading">{t("vote.heading")}</h2>
        <WindowNotice edition={edition} />
        {mayVote ? (
          <>
            <p className="field-hint">{t("vote.changeHint")}</p>
            <VoteControls proposalId={proposal.id} title={proposal.title} initial={{ choice: myVotes.get(proposal.id) ?? null, totals: r.total }} />
          </>
        ) : (
          <p className="vote-totals">
            {t("vote.totals", { for: r.total.for, against: r.total.against, abstain: r.total.abstain, voters: r.total.voters })}
            {myVotes.get(proposal.id) && ` · ${t("vote.yourVote", { choice: t(`vote.${myVotes.get(proposal.id)!}`) })}`}
          </p>
        )}
        <h3>{t("results.byGroup")}</h3>
        <ResultsTable id="results" results={r} groups={groups} caption={t("results.caption")} />
      </section>

      {mine && (edit.ok || mayWithdraw || edit.reason === "hasVotes") && (
        <section aria-labelledby="own-heading" className="card">
          <h2 id="own-heading">{t("own.heading")}</h2>
          {edit.ok ? (
            <details className="proposal-tool">
              <summary>{t("own.edit")}</summary>
              <p className="field-hint">{t("own.editUntilVote")}</p>
              <OwnProposalForm mode="edit" proposalId={proposal.id} initial={{ title: proposal.title, description: proposal.description, responsibleActor: proposal.responsibleActor }} />
            </details>
          ) : (
            edit.reason === "hasVotes" && <p>{t("own.lockedByVotes")}</p>
          )}
          {mayWithdraw && <OwnWithdrawForm proposalId={proposal.id} />}
        </section>
      )}

      {/* The proposal's own discussion (the thread brings its heading, window notice and form). */}
      <CommentThread edition={edition} user={user ?? null} target={{ proposalId: proposal.id }} basePath={`${base}/${proposal.id}`} searchParams={await searchParams} />
    </div>
  );
}
