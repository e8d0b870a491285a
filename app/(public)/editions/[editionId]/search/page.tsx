import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SearchResultList } from "@/components/search/search-results";
import { actorOf, can } from "@/server/permissions";
import { loadReadableEdition } from "@/server/plans/access";
import { SEARCH_MAX, SEARCH_MIN, searchEdition } from "@/server/search/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ editionId: string }>; searchParams: Promise<{ q?: string | string[] }> };

const queryOf = (q: string | string[] | undefined) => (Array.isArray(q) ? (q[0] ?? "") : (q ?? "")).trim().slice(0, SEARCH_MAX);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { edition } = await loadReadableEdition((await params).editionId);
  const t = await getTranslations("search");
  const q = queryOf((await searchParams).q);
  return { title: q ? `${q} – ${t("titleIn", { edition: edition.title })}` : t("titleIn", { edition: edition.title }) };
}

/** Search in one edition: a GET form (works without JavaScript), hits grouped by kind. */
export default async function SearchPage({ params, searchParams }: Props) {
  const { editionId } = await params;
  const { db, edition, user, textAsOf } = await loadReadableEdition(editionId);
  const q = queryOf((await searchParams).q);
  const t = await getTranslations("search");
  const includeFeedback = can(actorOf(user), "feedback.read", edition);
  const tooShort = q.length > 0 && q.length < SEARCH_MIN;
  const results = q.length >= SEARCH_MIN ? await searchEdition(db, { editionId, q, asOf: textAsOf, includeFeedback }) : null;
  const count = results ? results.sections.length + results.comments.length + results.proposals.length : 0;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link href={`/editions/${edition.id}`} lang="de">
          {edition.title}
        </Link>
      </p>
      <h1>{t("heading")}</h1>
      <form method="get" action={`/editions/${edition.id}/search`} role="search" className="search-form" noValidate>
        <div className="field">
          <label htmlFor="search-q">{t("label")}</label>
          <p id="search-q-hint" className="field-hint">
            {includeFeedback ? t("hintAll") : t("hintPublic")}
          </p>
          <div className="search-form__row">
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={SEARCH_MAX}
              aria-describedby={tooShort ? "search-q-hint search-q-error" : "search-q-hint"}
              aria-invalid={tooShort || undefined}
            />
            <button type="submit" className="button">
              {t("submit")}
            </button>
          </div>
          {tooShort && (
            <p id="search-q-error" className="field-error">
              {t("tooShort", { min: SEARCH_MIN })}
            </p>
          )}
        </div>
      </form>
      {results && (
        <>
          <p role="status" className="search-count">
            {t("results", { count, q })}
          </p>
          {results.more && <p>{t("more")}</p>}
          <SearchResultList editionId={edition.id} results={results} />
        </>
      )}
    </div>
  );
}
