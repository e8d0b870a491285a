import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PreparedBlock } from "@/server/plans/prepared";
import { SectionText } from "../plans/section-text";
import { SelectionCommenter } from "./text-selection";

/**
 * The section's text for participants: each paragraph with its margin — how many comments it has
 * (choosing that filters the thread) and "Kommentieren", which opens the sentence picker for
 * keyboard and screen reader users (a link, so it works without JavaScript). Spans selected with
 * the mouse or by touch go to the comment form through SelectionCommenter.
 */
export async function AnnotatedText({
  blocks,
  tableLabel,
  counts,
  labels,
  canComment,
  href,
}: {
  blocks: PreparedBlock[];
  tableLabel: string;
  counts: Map<string, number>;
  labels: Map<string, string>;
  canComment: boolean;
  /** The page's address with a thread parameter set (paragraph filter, picker). */
  href: (changes: Record<string, string | null>, hash: string) => string;
}) {
  const t = await getTranslations("comments");
  return (
    <div className="annotated-text" id="annotated-text">
      {blocks.map((b) => {
        const label = labels.get(b.key) ?? "";
        const n = counts.get(b.key) ?? 0;
        return (
          <div key={b.key} className="annotated-block" id={`paragraph-${b.key}`} data-paragraph-label={label}>
            <SectionText blocks={[b]} tableLabel={tableLabel} />
            <div className="annotated-block__margin">
              {n > 0 && (
                <Link href={href({ paragraph: b.key, page: null }, "comments")} className="margin-count" aria-label={t("marginCount", { count: n, paragraph: label })}>
                  <span aria-hidden="true">{t("marginCountShort", { count: n })}</span>
                </Link>
              )}
              {canComment && (
                <Link href={href({ anchor: b.key }, "comment-form")} className="margin-comment" aria-label={t("commentParagraph", { paragraph: label })}>
                  {t("commentShort")}
                </Link>
              )}
            </div>
          </div>
        );
      })}
      {canComment && <SelectionCommenter rootId="annotated-text" />}
    </div>
  );
}
