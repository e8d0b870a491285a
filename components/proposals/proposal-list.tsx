import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResultsTable } from "@/components/votes/results-table";
import type { VoteChoice } from "@/server/proposals/inputs";
import type { ProposalRow } from "@/server/proposals/queries";
import type { PrivateResults } from "@/server/results/by-group";
import { plainUserText } from "@/server/text/markdown";
import { ProposalByline } from "./proposal-byline";

type Group = { id: string; name: string };

const excerpt = (text: string, max = 240) => {
  const plain = plainUserText(text);
  return plain.length > max ? `${plain.slice(0, max).replace(/\s+\S*$/, "")} …` : plain;
};

/** The list: title (link), who and when, an excerpt, totals, comments, the viewer's vote, and the split by group on demand. */
export async function ProposalList({
  editionId,
  proposals,
  results,
  myVotes,
  groups,
  chapters,
}: {
  editionId: string;
  proposals: ProposalRow[];
  results: Map<string, PrivateResults<VoteChoice>>;
  myVotes: Map<string, VoteChoice>;
  groups: Group[];
  chapters: { id: string; number: string; title: string }[];
}) {
  const t = await getTranslations("proposals");
  const tv = await getTranslations("proposals.vote");
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? "";
  return (
    <ol className="proposal-list">
      {proposals.map((p) => {
        const r = results.get(p.id)!;
        const mine = myVotes.get(p.id);
        const lang = p.authorLocale ?? "de";
        return (
          <li key={p.id} className={`card proposal-card${p.withdrawnAt ? " proposal-card--withdrawn" : ""}`}>
            <h2 className="proposal-card__title" lang={lang}>
              <Link href={`/editions/${editionId}/proposals/${p.id}`}>{p.title}</Link>
            </h2>
            <ProposalByline proposal={p} groupName={groupName(p.groupId)} />
            <p className="meta">
              {t("chapterLabel")}{" "}
              <span lang="de">
                {chapters.find((c) => c.id === p.chapterId)?.number} {p.chapterTitle}
              </span>
            </p>
            <p className="proposal-card__excerpt" lang={lang}>
              {excerpt(p.description)}
            </p>
            <p className="proposal-card__figures">
              <span>{tv("totals", { for: r.total.for, against: r.total.against, abstain: r.total.abstain, voters: r.total.voters })}</span>
              <span> · {t("comments", { count: p.comments })}</span>
              {mine && <span> · {tv("yourVote", { choice: tv(mine) })}</span>}
            </p>
            {r.total.voters > 0 && (
              <details className="proposal-card__split">
                <summary>{t("results.byGroup")}</summary>
                <ResultsTable id={`results-${p.id}`} results={r} groups={groups} caption={t("results.captionFor", { title: p.title })} />
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
