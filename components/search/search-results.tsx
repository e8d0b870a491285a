import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Snippet, SearchResults } from "@/server/search/queries";

/** A snippet with its matches marked; every part is text (React escapes it), so no user markup survives. */
function SnippetText({ snippet, lang }: { snippet: Snippet; lang?: string }) {
  return (
    <p className="search-hit__snippet" lang={lang}>
      {snippet.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

/** The hits grouped by kind: plan text, comments, proposals, each under its own heading. */
export async function SearchResultList({ editionId, results }: { editionId: string; results: SearchResults }) {
  const t = await getTranslations("search");
  const tp = await getTranslations("contributions");
  return (
    <>
      {results.sections.length > 0 && (
        <section aria-labelledby="hits-sections">
          <h2 id="hits-sections">{t("sections")}</h2>
          <ol className="search-hits">
            {results.sections.map((h) => (
              <li key={h.sectionKey} className="search-hit">
                <h3 className="search-hit__title" lang="de">
                  <Link href={`/editions/${editionId}/sections/${encodeURIComponent(h.sectionKey)}`}>{h.title}</Link>
                </h3>
                <p className="search-hit__where" lang="de">
                  {h.chapterTitle}
                </p>
                <SnippetText snippet={h.snippet} lang="de" />
              </li>
            ))}
          </ol>
        </section>
      )}
      {results.comments.length > 0 && (
        <section aria-labelledby="hits-comments">
          <h2 id="hits-comments">{t("comments")}</h2>
          <ol className="search-hits">
            {results.comments.map((h) => {
              const href = h.sectionKey
                ? `/editions/${editionId}/sections/${encodeURIComponent(h.sectionKey)}#comment-${h.id}`
                : `/editions/${editionId}/proposals/${h.proposalId}#comment-${h.id}`;
              return (
                <li key={h.id} className="search-hit">
                  <h3 className="search-hit__title">
                    <Link href={href}>{h.sectionTitle ? t("commentOnSection", { title: h.sectionTitle }) : t("commentOnProposal", { title: h.proposalTitle ?? "" })}</Link>
                  </h3>
                  <SnippetText snippet={h.snippet} />
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {results.proposals.length > 0 && (
        <section aria-labelledby="hits-proposals">
          <h2 id="hits-proposals">{t("proposals")}</h2>
          <ol className="search-hits">
            {results.proposals.map((h) => (
              <li key={h.id} className="search-hit">
                <h3 className="search-hit__title">
                  <Link href={`/editions/${editionId}/proposals/${h.id}`}>{h.title}</Link>{" "}
                  {h.withdrawn && <span className="badge badge--warning">{tp("status.withdrawn")}</span>}
                </h3>
                <SnippetText snippet={h.snippet} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
