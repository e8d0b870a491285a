import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { WindowNotice } from "@/components/participation/window-notice";
import { SampleNotice } from "@/components/plans/sample-notice";
import { SupersededNotice } from "@/components/plans/superseded-notice";
import { ProposalList } from "@/components/proposals/proposal-list";
import { LinkButton } from "@/components/ui/button";
import { requirePage } from "@/server/auth/guards";
import { actorOf, can } from "@/server/permissions";
import { loadReadableEdition } from "@/server/plans/access";
import { getOutline } from "@/server/plans/queries";
import { proposalSorts, type ProposalSort } from "@/server/proposals/inputs";
import { PROPOSAL_PAGE_SIZE, getMyVotes, getResultsByGroup, listGroups, listProposals } from "@/server/proposals/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ editionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { edition } = await loadReadableEdition((await params).editionId);
  const t = await getTranslations("proposals");
  const te = await getTranslations("editions");
  return { title: `${t("title")} · ${te("shortTitle", { year: edition.year })}` };
}

export default async function ProposalsPage({ params, searchParams }: Props) {
  const { editionId } = await params;
  const query = await searchParams;
  const { db, edition } = await loadReadableEdition(editionId);
  const chapterKey = one(query.chapter);
  const sort: ProposalSort = (proposalSorts as readonly string[]).includes(one(query.sort) ?? "") ? (one(query.sort) as ProposalSort) : "newest";
  const path = `/editions/${editionId}/proposals${chapterKey || sort !== "newest" ? `?${new URLSearchParams({ ...(chapterKey ? { chapter: chapterKey } : {}), ...(sort !== "newest" ? { sort } : {}) })}` : ""}`;
  const user = await requirePage("feedback.read", edition, path);
  const actor = actorOf(user);
  const [outline, groupRows] = await Promise.all([getOutline(db, { editionId }), listGroups(db)]);
  const chapter = chapterKey ? (outline.find((c) => c.key === chapterKey) ?? null) : null;
  // Chapter and sort change the listing; a cursor only pages within it (the filter form drops it).
  const listing = { ...(chapter ? { chapter: chapter.key } : {}), ...(sort !== "newest" ? { sort } : {}) };
  const pageHref = (cursor: Record<string, string>) => {
    const q = new URLSearchParams({ ...listing, ...cursor }).toString();
    return `/editions/${editionId}/proposals${q ? `?${q}` : ""}`;
  };
  const page = await listProposals(db, { editionId, chapterId: chapter?.id ?? null, sort, viewerId: user?.id ?? null, after: one(query.after), before: one(query.before) });
  const proposals = page.proposals;
  const ids = proposals.map((p) => p.id);
  const groupOrder = groupRows.map((g) => g.id);
  const [results, myVotes] = await Promise.all([getResultsByGroup(db, { proposalIds: ids, groupOrder }), getMyVotes(db, { proposalIds: ids, userId: user?.id ?? null })]);
  const en = (await getLocale()) === "en";
  const groups = groupRows.map((g) => ({ id: g.id, name: en ? g.nameEn : g.nameDe }));
  const t = await getTranslations("proposals");
  const te = await getTranslations("editions");
  const mayPropose = can(actor, "proposal.create", { edition });
  return (
    <div className="page">
      <SupersededNotice edition={edition} />
      <nav aria-label={te("breadcrumb")} className="breadcrumb">
        <Link href={`/editions/${edition.id}`} lang="de">
          {edition.title}
        </Link>
      </nav>
      <h1>{chapter ? t("titleChapter", { chapter: `${chapter.number} ${chapter.title}` }) : t("title")}</h1>
      {edition.isSample && <SampleNotice />}
      <p className="lead">{t("intro")}</p>
      <WindowNotice edition={edition} />
      {mayPropose && (
        <p>
          <LinkButton href={`/editions/${edition.id}/proposals/new${chapter ? `?chapter=${chapter.key}` : ""}`}>{t("new")}</LinkButton>
        </p>
      )}
      <form method="get" className="inline-form proposal-filter" aria-label={t("filterLabel")}>
        <div className="field">
          <label htmlFor="filter-chapter">{t("chapter")}</label>
          <select id="filter-chapter" name="chapter" defaultValue={chapter?.key ?? ""}>
            <option value="">{t("allChapters")}</option>
            {outline.map((c) => (
              <option key={c.key} value={c.key} lang="de">
                {c.number} {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">{t("sort")}</label>
          <select id="filter-sort" name="sort" defaultValue={sort}>
            {proposalSorts.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("apply")}
        </button>
      </form>
      <p className="meta" role="status">
        {t("count", { count: page.total })}
      </p>
      {proposals.length === 0 ? (
        <p>{page.total > 0 ? t("pages.none") : t("empty")}</p>
      ) : (
        <ProposalList editionId={edition.id} proposals={proposals} results={results} myVotes={myVotes} groups={groups} chapters={outline} />
      )}
      {(page.previous || page.next || (proposals.length === 0 && page.total > 0)) && (
        <nav className="pagination" aria-label={t("pages.label")}>
          <ul>
            {(page.previous || proposals.length === 0) && (
              <li>
                <Link href={pageHref({})}>{t("pages.first")}</Link>
              </li>
            )}
            {page.previous && (
              <li>
                <Link rel="prev" href={pageHref({ before: page.previous })}>
                  {t("pages.previous")}
                </Link>
              </li>
            )}
            {page.next && (
              <li>
                <Link rel="next" href={pageHref({ after: page.next })}>
                  {t("pages.next", { count: PROPOSAL_PAGE_SIZE })}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}
