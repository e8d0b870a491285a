"use client";
import { useState } from "react";
import { CommentComposer } from "./comment-forms";

/**
 * "Antworten" under a comment: a disclosure whose reply form is rendered only when it is opened.
 * A page shows up to twenty comments and few of them are answered, so the server no longer
 * renders twenty forms on every request. Without JavaScript the opened disclosure holds a link to
 * the same page with `?reply=<id>`, where the server renders the form in place (ReplyForm below).
 */
export function ReplyDisclosure({
  parentId,
  summary,
  summaryLabel,
  submissionKey,
  openThreadHref,
  fallbackHref,
  fallbackText,
}: {
  parentId: string;
  summary: string;
  summaryLabel: string;
  submissionKey: string;
  openThreadHref: string;
  fallbackHref: string;
  fallbackText: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="comment-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={summaryLabel}>{summary}</summary>
      {open ? (
        <CommentComposer target={{ parentId }} submissionKey={submissionKey} reply openThreadHref={openThreadHref} />
      ) : (
        <p>
          <a href={fallbackHref}>{fallbackText}</a>
        </p>
      )}
    </details>
  );
}
