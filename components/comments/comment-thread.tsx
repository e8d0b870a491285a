import "server-only";
import crypto from "node:crypto";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import type { CurrentUser } from "@/server/auth/session";
import { commentSorts, MAX_REPLY_DEPTH, type CommentSort } from "@/server/comments/inputs";
import { getCommentThread, getSectionThreadCached, type CommentThreadData, type CommentView } from "@/server/comments/queries";
import { actorOf, can, readableTextAsOf, type EditionResource } from "@/server/permissions";
import { WindowNotice } from "../participation/window-notice";
import { ReportButton } from "../reports/report-button";
import { CommentComposer, DeleteCommentForm, EditCommentForm, type SentencePicker } from "./comment-forms";
import { ReplyDisclosure } from "./reply-disclosure";

/**
 * The comment thread of a section or of a proposal (a server component; PROPOSALS embeds it on the
 * proposal's detail page, the section page on each section).
 *
 *   <CommentThread
 *     edition={edition}            // the readable edition: { id, phase, opensAt, closesAt } (loadReadableEdition)
 *     user={user}                  // the signed-in person or null (loadReadableEdition)
 *     target={{ proposalId }}      // or { sectionId } — exactly one
 *     basePath={`/editions/${edition.id}/proposals/${proposalId}`}   // the page's own path
 *     searchParams={await props.searchParams}   // the page's search params; the thread reads
 *                                               // sort, page, replies, paragraph, anchor from them
 *   />
 *
 * It loads its own data (a fixed number of queries whatever the number of comments: 20 top-level
 * comments per page, replies only for threads opened with "show replies"), shows the form to
 * comment (while the window is open and the person may), sort and pagination links, replies,
 * edit/delete for the author and the report button for others. For the public (who may not read
 * feedback) it renders a short note instead. Works without JavaScript (links and form posts);
 * with JavaScript a new comment appears at once (optimistic, rolled back with a message on error).
 */
export type CommentTarget = { sectionId: string } | { proposalId: string };

export type ParagraphInfo = { key: string; label: string; sentences: string[] };

export type CommentThreadProps = {
  edition: EditionResource & { id: string };
  user: CurrentUser | null;
  target: CommentTarget;
  basePath: string;
  searchParams: Record<string, string | string[] | undefined>;
  /** Sections only: the revision the reader sees and its paragraphs (labels, sentences for the picker). */
  sectionText?: { revisionId: string; paragraphs: ParagraphInfo[] } | null;
  /** Sections only: the thread data, when the page loaded it already (for the margin counts). */
  data?: CommentThreadData;
};

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/** The thread's view of the address: sort, page, paragraph filter, open threads, picker paragraph. */
export function threadParams(searchParams: Params) {
  const sort = (commentSorts as readonly string[]).includes(one(searchParams.sort) ?? "") ? (one(searchParams.sort) as CommentSort) : "newest";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(searchParams.page) ?? "1", 10) || 1));
  const replies = (one(searchParams.replies) ?? "")
    .split(",")
    .filter((id) => /^[0-9a-f-]{36}$/i.test(id))
    .slice(0, 20);
  const reply = one(searchParams.reply);
  return { sort, page, paragraph: one(searchParams.paragraph), replies, anchor: one(searchParams.anchor), reply: reply && /^[0-9a-f-]{36}$/i.test(reply) ? reply : null };
}

/** The page's address with some thread parameters changed (null removes one). */
export function threadHref(basePath: string, searchParams: Params, changes: Record<string, string | null>, hash = "comments") {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(searchParams)) {
    const value = one(v);
    if (value !== null && ["sort", "page", "paragraph", "replies", "anchor"].includes(k)) q.set(k, value);
  }
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === "") q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  return `${basePath}${s ? `?${s}` : ""}${hash ? `#${hash}` : ""}`;
}

/** Loads a thread as the page's reader sees it (also used by the section page for the margin). */
export async function loadThread({
  edition,
  user,
  target,
  searchParams,
  currentRevision = null,
  version,
}: Pick<CommentThreadProps, "edition" | "user" | "target" | "searchParams"> & {
  currentRevision?: { id: string; number: number; blocks: unknown } | null;
  /** A section's version stamp (getEditionWithSectionStamp): with it, the shared part comes from the cache. */
  version?: number;
}) {
  const p = threadParams(searchParams);
  const db = await getDatabase();
  const query = {
    viewerId: user?.id ?? null,
    locale: await getLocale(),
    sort: p.sort,
    page: p.page,
    paragraphKey: "sectionId" in target ? p.paragraph : null,
    openThreads: p.replies,
    asOf: readableTextAsOf(actorOf(user), edition),
    currentRevision,
  };
  if ("sectionId" in target && version !== undefined) return getSectionThreadCached(db, { ...query, target, version });
  return getCommentThread(db, { ...query, target });
}

export async function CommentThread(props: CommentThreadProps) {
  const { edition, user, target, basePath, searchParams, sectionText } = props;
  const t = await getTranslations("comments");
  const actor = actorOf(user);
  if (!can(actor, "feedback.read", edition)) {
    return (
      <section className="comments" id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("heading")}</h2>
        <p>
          {t("signInToRead")} <Link href={`/signin?callbackUrl=${encodeURIComponent(basePath)}`}>{t("signIn")}</Link>
        </p>
      </section>
    );
  }
  const p = threadParams(searchParams);
  const data = props.data ?? (await loadThread(props));
  const canComment = can(actor, "comment.create", { edition });
  const paragraphs = new Map((sectionText?.paragraphs ?? []).map((x) => [x.key, x]));
  const filter = "sectionId" in target && p.paragraph ? (paragraphs.get(p.paragraph) ?? null) : null;
  const pickerParagraph = "sectionId" in target && p.anchor && sectionText ? paragraphs.get(p.anchor) : undefined;
  const picker: SentencePicker | null = pickerParagraph
    ? { paragraphKey: pickerParagraph.key, revisionId: sectionText!.revisionId, label: pickerParagraph.label, sentences: pickerParagraph.sentences }
    : null;
  const ctx: ItemContext = { edition, user, basePath, searchParams, data, canComment, paragraphs, open: new Set(p.replies), replyTo: p.reply };

  return (
    <section className="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("headingCount", { count: data.allCount })}</h2>
      <WindowNotice edition={edition} />
      {canComment ? (
        <CommentComposer
          target={target}
          submissionKey={crypto.randomUUID()}
          revisionId={sectionText?.revisionId}
          picker={picker}
          selectable={"sectionId" in target}
          cancelHref={picker ? threadHref(basePath, searchParams, { anchor: null }, "") : undefined}
        />
      ) : (
        !user && <p>{t("signInToComment")}</p>
      )}
      {filter && (
        <p className="comment-filter" role="note">
          {t("filtered", { paragraph: filter.label })}{" "}
          <Link href={threadHref(basePath, searchParams, { paragraph: null, page: null })}>{t("showAll")}</Link>
        </p>
      )}
      {data.total > 1 && (
        <nav className="comment-sort" aria-label={t("sortLabel")}>
          <span aria-hidden="true">{t("sortLabel")}:</span>
          <ul>
            {commentSorts.map((s) => (
              <li key={s}>
                <Link href={threadHref(basePath, searchParams, { sort: s === "newest" ? null : s, page: null })} aria-current={p.sort === s ? "true" : undefined}>
                  {t(`sort.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {data.comments.length === 0 ? (
        <p className="comment-empty">{p.page > 1 ? t("noMore") : filter ? t("noneOnParagraph") : t("none")}</p>
      ) : (
        <ol className="comment-list" aria-label={t("listLabel")}>
          {await Promise.all(data.comments.map((c) => CommentItem({ comment: c, depth: 0, rootId: c.id, ctx })))}
        </ol>
      )}
      {data.pages > 1 && (
        <nav className="pagination" aria-label={t("pagesLabel")}>
          <ul>
            {p.page > 1 && (
              <li>
                <Link rel="prev" href={threadHref(basePath, searchParams, { page: p.page === 2 ? null : String(p.page - 1), replies: null })}>
                  {t("previousPage")}
                </Link>
              </li>
            )}
            <li aria-current="page">{t("pageOf", { page: p.page, pages: data.pages })}</li>
            {p.page < data.pages && (
              <li>
                <Link rel="next" href={threadHref(basePath, searchParams, { page: String(p.page + 1), replies: null })}>
                  {t("nextPage")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}

type ItemContext = {
  edition: CommentThreadProps["edition"];
  user: CurrentUser | null;
  basePath: string;
  searchParams: Params;
  data: CommentThreadData;
  canComment: boolean;
  paragraphs: Map<string, ParagraphInfo>;
  open: Set<string>;
  /** The comment whose reply form the address asks for (?reply=, without JavaScript). */
  replyTo: string | null;
};

async function CommentItem({ comment: c, depth, rootId, ctx }: { comment: CommentView; depth: number; rootId: string; ctx: ItemContext }) {
  const t = await getTranslations("comments");
  const tp = await getTranslations("participation");
  const format = await getFormatter();
  const actor = actorOf(ctx.user);
  const who = c.appearance.name ?? c.appearance.organisation ?? tp("privatePerson");
  const editable = c.mine && !c.deleted && can(actor, "comment.update", { edition: ctx.edition, authorId: c.authorId });
  const reportable = !c.mine && !c.deleted && ctx.user !== null && can(actor, "report.create", { edition: ctx.edition, authorId: c.authorId });
  const replies = ctx.data.replies.get(c.id) ?? [];
  const isOpen = depth > 0 || ctx.open.has(c.id);
  const openList = [...ctx.open];
  const openHref = threadHref(ctx.basePath, ctx.searchParams, { replies: [...new Set([...openList, rootId])].join(",") }, `comment-${c.id}`);
  const closeHref = threadHref(ctx.basePath, ctx.searchParams, { replies: openList.filter((id) => id !== c.id).join(",") || null }, `comment-${c.id}`);
  const paragraph = c.anchor ? ctx.paragraphs.get(c.anchor.paragraphKey) : undefined;
  const state = c.anchor?.state;
  const headingId = `comment-${c.id}-by`;
  const author =
    c.appearance.name || c.appearance.organisation
      ? [c.appearance.name && `<strong>${esc(c.appearance.name)}</strong>`, c.appearance.organisation && `<span>${esc(c.appearance.organisation)}</span>`].filter(Boolean).join(", ")
      : `<strong>${esc(tp("privatePerson"))}</strong>`;
  const meta =
    `<p class="comment__meta"><span id="${esc(headingId)}" class="comment__author">${author}</span> <span class="badge">${esc(c.appearance.group)}</span> ` +
    `<time dateTime="${c.createdAt.toISOString()}">${esc(format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" }))}</time>` +
    `${c.edited && !c.deleted ? `<span class="comment__edited"> · ${esc(t("edited"))}</span>` : ""}</p>`;
  const anchor =
    c.anchor && depth === 0
      ? `<div class="comment__anchor"><p class="comment__anchor-label">${
          paragraph ? `<a href="#paragraph-${esc(c.anchor.paragraphKey)}">${esc(t("onParagraph", { paragraph: paragraph.label }))}</a>` : esc(t("onRemovedParagraph"))
        }</p>` +
        (c.anchor.quote ? `<blockquote class="comment__quote" lang="de">${esc(c.anchor.quote)}</blockquote>` : "") +
        (state && (state.status === "changed" || state.status === "removed")
          ? `<p class="comment__anchor-note">${esc(state.since ? t("textChanged", { number: state.since }) : t("textChangedUnknown"))}</p>`
          : "") +
        (state && state.status === "fuzzy" ? `<p class="comment__anchor-note">${esc(t("textChangedNow"))} <q lang="de">${esc(state.current)}</q></p>` : "") +
        "</div>"
      : "";
  const body = c.deleted
    ? `<p class="comment__removed">${esc(t("deleted"))}</p>`
    : c.html === null
      ? `<p class="comment__removed">${esc(t("hidden"))}</p>`
      : (c.hidden && c.mine ? `<p class="comment__removed">${esc(t("hiddenForAuthor", { reason: c.hiddenReason ?? "" }))}</p>` : "") +
        `<div class="comment__body user-text" lang="${esc(c.lang)}">${c.html}</div>`;
  const contentHtml = meta + anchor + body;

  return (
    <li key={c.id} id={`comment-${c.id}`} className={`comment comment--depth-${depth}`}>
      <article aria-labelledby={headingId}>
        {/* The words and facts of the comment as one string: twenty comments as React elements cost
            the page most of its time (each is rendered, serialised for the client and rendered
            again as HTML); nothing in them is interactive. Every value is escaped (esc) but the
            body, which is sanitised HTML already (renderUserText). */}
        <div className="comment__content" dangerouslySetInnerHTML={{ __html: contentHtml }} />
        <div className="comment__controls">
          {ctx.canComment &&
            !c.deleted &&
            depth < MAX_REPLY_DEPTH &&
            (ctx.replyTo === c.id ? (
              // Asked for by address (the link inside the disclosure, for browsers without JavaScript).
              <details className="comment-disclosure" open>
                <summary aria-label={t("replyTo", { who })}>{t("reply")}</summary>
                <CommentComposer target={{ parentId: c.id }} submissionKey={crypto.randomUUID()} reply openThreadHref={openHref} />
              </details>
            ) : (
              <ReplyDisclosure
                parentId={c.id}
                summary={t("reply")}
                summaryLabel={t("replyTo", { who })}
                submissionKey={crypto.randomUUID()}
                openThreadHref={openHref}
                fallbackHref={threadHref(ctx.basePath, ctx.searchParams, { reply: c.id }, `comment-${c.id}`)}
                fallbackText={t("replyForm")}
              />
            ))}
          {editable && c.source !== null && <EditCommentForm commentId={c.id} body={c.source} who={who} />}
          {editable && <DeleteCommentForm commentId={c.id} who={who} />}
          {reportable && <ReportButton feedbackId={c.id} label={t("reportLabel", { who })} />}
        </div>
      </article>
      {depth === 0 && c.replyCount > 0 && !isOpen && (
        <p className="comment__replies-toggle">
          <Link href={openHref} scroll={false}>
            {t("showReplies", { count: c.replyCount })}
          </Link>
        </p>
      )}
      {isOpen && replies.length > 0 && (
        <>
          <ol className="comment-replies" aria-label={t("repliesTo", { who })}>
            {await Promise.all(replies.map((r) => CommentItem({ comment: r, depth: depth + 1, rootId, ctx })))}
          </ol>
          {depth === 0 && (
            <p className="comment__replies-toggle">
              <Link href={closeHref} scroll={false}>
                {t("hideReplies")}
              </Link>
            </p>
          )}
        </>
      )}
    </li>
  );
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text and attribute values for the comment's HTML string. */
const esc = (value: string) => value.replace(/[&<>"']/g, (ch) => escapes[ch]!);
