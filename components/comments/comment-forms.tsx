"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/server/actions/result";
import { createComment, deleteComment, updateComment } from "@/server/comments/actions";
import { USER_TEXT_MAX } from "@/server/text/limits";
import { announceActionStart } from "../ui/action-bus";
import { useMutation } from "../ui/use-mutation";
import { ANCHOR_EVENT, type SelectionAnchor } from "./anchor-event";

type Failure = { message: string; fieldErrors: Record<string, string> };
type Action<T> = (prev: unknown, data: FormData) => Promise<ActionResult<T>>;

/**
 * A form bound to a server action twice: without JavaScript it posts (useActionState keeps the
 * result for the reloaded page); with JavaScript the submit goes through a mutation (useMutation),
 * so the page can show the change at once and take it back with a message on error.
 */
function useActionSubmit<T>(
  action: Action<T>,
  handlers: { onMutate?: (data: FormData) => void; onError?: (data: FormData) => void; onSuccess?: (result: T, data: FormData) => void },
) {
  const [state, formAction] = useActionState(action, null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const id = useId();
  const mutation = useMutation({
    mutationFn: async (data: FormData) => {
      const result = await action(null, data);
      if (!result.ok) throw result;
      return result.data;
    },
    onMutate: (data) => {
      announceActionStart(id);
      setFailure(null);
      handlers.onMutate?.(data);
    },
    onError: (error, data) => {
      const r = error as Partial<Extract<ActionResult<T>, { ok: false }>>;
      setFailure({ message: r.message ?? String(error), fieldErrors: r.fieldErrors ?? {} });
      handlers.onError?.(data);
    },
    onSuccess: (result, data) => handlers.onSuccess?.(result, data),
  });
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // A second click while the first is on its way is ignored (the submission key guards the rest).
    if (mutation.isPending) return;
    mutation.mutate(new FormData(e.currentTarget));
  };
  const noJsFailure = state && !state.ok ? { message: state.message, fieldErrors: state.fieldErrors ?? {} } : null;
  return { formAction, onSubmit, pending: mutation.isPending, failure: failure ?? noJsFailure, succeeded: mutation.isSuccess };
}

const newKey = () => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export type ComposerTarget = { sectionId: string } | { proposalId: string } | { parentId: string };
export type SentencePicker = { paragraphKey: string; revisionId: string; label: string; sentences: string[] };

/**
 * Writing a comment or a reply. Section comments may carry an anchor: a span chosen with the mouse
 * or by touch (sent by SelectionCommenter), or sentences chosen with the keyboard picker, which the
 * page renders for the paragraph named in `?anchor=` so it works without JavaScript too.
 */
export function CommentComposer({
  target,
  submissionKey,
  revisionId,
  picker,
  selectable = false,
  reply = false,
  openThreadHref,
  cancelHref,
}: {
  target: ComposerTarget;
  /** Made by the server for the first submission; a fresh one after each success. */
  submissionKey: string;
  /** The revision the reader sees (for anchors). */
  revisionId?: string;
  picker?: SentencePicker | null;
  /** Listens for spans selected in the text. */
  selectable?: boolean;
  reply?: boolean;
  /** After a reply: the address that shows the thread open. */
  openThreadHref?: string;
  cancelHref?: string;
}) {
  const t = useTranslations("comments");
  const router = useRouter();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [key, setKey] = useState(submissionKey);
  const [span, setSpan] = useState<SelectionAnchor | null>(null);
  const [pendingText, setPendingText] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const [posted, setPosted] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fieldset = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    if (!selectable) return;
    const onAnchor = (e: Event) => {
      setSpan((e as CustomEvent<SelectionAnchor>).detail);
      textarea.current?.scrollIntoView({ block: "center" });
      textarea.current?.focus();
    };
    window.addEventListener(ANCHOR_EVENT, onAnchor);
    return () => window.removeEventListener(ANCHOR_EVENT, onAnchor);
  }, [selectable]);

  // Arriving from a paragraph's "Kommentieren" link: the sentence choice takes the focus.
  const pickerKey = picker?.paragraphKey ?? null;
  useEffect(() => {
    if (!pickerKey) return;
    // The router finishes its own scrolling and focus handling after the new content is in: try again until ours holds.
    const focus = () => {
      const here = window.location.hash === "#comment-form" || new URLSearchParams(window.location.search).get("anchor") === pickerKey;
      // Never take the focus back from a person already working in the form.
      const form = fieldset.current?.form;
      if (here && form && !form.contains(document.activeElement)) fieldset.current?.querySelector<HTMLInputElement>("input[type=checkbox]")?.focus();
    };
    const timers = [0, 100, 300].map((ms) => window.setTimeout(focus, ms));
    return () => timers.forEach((t) => window.clearTimeout(t));
  }, [pickerKey]);

  const { formAction, onSubmit, pending, failure } = useActionSubmit(createComment as Action<{ id: string; created: boolean; parentId: string | null }>, {
    onMutate: (data) => {
      setPosted(false);
      setPendingText(String(data.get("body") ?? ""));
      if (textarea.current) textarea.current.value = "";
    },
    onError: (data) => {
      // Rolled back: the text goes back into the box, nothing was published.
      setPendingText(null);
      if (textarea.current) textarea.current.value = String(data.get("body") ?? "");
      textarea.current?.focus();
    },
    onSuccess: () => {
      setKey(newKey());
      setSpan(null);
      setPosted(true);
      startRefresh(() => {
        if (reply && openThreadHref) router.push(openThreadHref, { scroll: false });
        else router.refresh();
      });
    },
  });
  // The optimistic entry stays until the refreshed thread, with the real comment, has arrived.
  useEffect(() => {
    if (!refreshing && posted) startTransition(() => setPendingText(null));
  }, [refreshing, posted]);

  const bodyError = failure?.fieldErrors.body;
  const quoteError = failure?.fieldErrors.quote ?? failure?.fieldErrors.sentences ?? failure?.fieldErrors.paragraphKey;
  const hintId = `${uid}-hint`;
  const errorId = `${uid}-error`;
  const label = reply ? t("replyLabel") : span || picker ? t("commentOnQuote") : t("commentLabel");

  return (
    <div className="comment-composer">
      <form action={formAction} onSubmit={onSubmit} className="form comment-form" noValidate aria-busy={pending} id={reply ? undefined : "comment-form"}>
        <input type="hidden" name="idempotencyKey" value={key} />
        {"sectionId" in target && <input type="hidden" name="sectionId" value={target.sectionId} />}
        {"proposalId" in target && <input type="hidden" name="proposalId" value={target.proposalId} />}
        {"parentId" in target && <input type="hidden" name="parentId" value={target.parentId} />}
        {span && !picker && (
          <div className="comment-form__quote">
            <input type="hidden" name="paragraphKey" value={span.paragraphKey} />
            {revisionId && <input type="hidden" name="revisionId" value={revisionId} />}
            <input type="hidden" name="quote" value={span.quote} />
            <input type="hidden" name="quoteOffset" value={span.offset} />
            <p className="comment-form__quote-label">{t("quoteChosen", { paragraph: span.label })}</p>
            <blockquote lang="de">{span.quote}</blockquote>
            <button type="button" className="button button--quiet" onClick={() => setSpan(null)}>
              {t("removeQuote")}
            </button>
          </div>
        )}
        {picker && (
          <fieldset className="sentence-picker" ref={fieldset}>
            <legend>{t("pickerLegend", { paragraph: picker.label })}</legend>
            <p className="field-hint">{t("pickerHint")}</p>
            <input type="hidden" name="paragraphKey" value={picker.paragraphKey} />
            <input type="hidden" name="revisionId" value={picker.revisionId} />
            <ul className="sentence-picker__list">
              {picker.sentences.map((s, i) => (
                <li key={i}>
                  <input type="checkbox" name="sentences" value={i} id={`${uid}-s${i}`} />{" "}
                  <label htmlFor={`${uid}-s${i}`} lang="de">
                    {s}
                  </label>
                </li>
              ))}
            </ul>
            {cancelHref && (
              <a href={cancelHref} className="button button--quiet">
                {t("pickerCancel")}
              </a>
            )}
          </fieldset>
        )}
        {quoteError && (
          <p className="field-error" role="alert">
            {quoteError}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${uid}-body`}>{label}</label>
          <p id={hintId} className="field-hint">
            {t("bodyHint", { max: USER_TEXT_MAX.toLocaleString("de-DE") })}
          </p>
          <textarea
            ref={textarea}
            id={`${uid}-body`}
            name="body"
            rows={reply ? 3 : 4}
            maxLength={USER_TEXT_MAX}
            aria-describedby={bodyError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={bodyError ? true : undefined}
          />
          {bodyError && (
            <p id={errorId} className="field-error">
              {bodyError}
            </p>
          )}
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            {reply ? t("submitReply") : t("submit")}
          </button>
        </div>
        <p role="status" className={failure ? "alert" : posted ? "success" : "visually-hidden"}>
          {failure ? failure.message : posted ? (reply ? t("replyPosted") : t("posted")) : ""}
        </p>
      </form>
      {pendingText !== null && (
        <ol className="comment-list comment-list--pending" aria-label={t("pendingLabel")}>
          <li className="comment comment--pending">
            <p className="comment__meta">{t("pending")}</p>
            <p className="comment__body">{pendingText}</p>
          </li>
        </ol>
      )}
    </div>
  );
}

/** The author changes the words of their comment (while the window is open). */
export function EditCommentForm({ commentId, body, who }: { commentId: string; body: string; who: string }) {
  const t = useTranslations("comments");
  const router = useRouter();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const details = useRef<HTMLDetailsElement>(null);
  const { formAction, onSubmit, pending, failure, succeeded } = useActionSubmit(updateComment as Action<{ id: string }>, {
    onSuccess: () => {
      if (details.current) details.current.open = false;
      router.refresh();
    },
  });
  const error = failure?.fieldErrors.body;
  return (
    <details className="comment-disclosure" ref={details}>
      <summary aria-label={t("editLabel", { who })}>{t("edit")}</summary>
      <form action={formAction} onSubmit={onSubmit} className="form" noValidate aria-busy={pending}>
        <input type="hidden" name="commentId" value={commentId} />
        <div className="field">
          <label htmlFor={`${uid}-body`}>{t("editBody")}</label>
          <textarea
            id={`${uid}-body`}
            name="body"
            rows={4}
            defaultValue={body}
            maxLength={USER_TEXT_MAX}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${uid}-error` : undefined}
          />
          {error && (
            <p id={`${uid}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t("save")}
        </button>
        <p role="status" className={failure ? "alert" : "visually-hidden"}>
          {failure ? failure.message : succeeded ? t("saved") : ""}
        </p>
      </form>
    </details>
  );
}

/** Deleting one's own comment, after saying what it means; the thread stays. */
export function DeleteCommentForm({ commentId, who }: { commentId: string; who: string }) {
  const t = useTranslations("comments");
  const router = useRouter();
  const { formAction, onSubmit, pending, failure } = useActionSubmit(deleteComment as Action<{ id: string }>, { onSuccess: () => router.refresh() });
  return (
    <details className="comment-disclosure">
      <summary aria-label={t("deleteLabel", { who })}>{t("delete")}</summary>
      <form action={formAction} onSubmit={onSubmit} className="form" aria-busy={pending}>
        <input type="hidden" name="commentId" value={commentId} />
        <p>{t("deleteConfirmText")}</p>
        <button type="submit" className="button button--danger" disabled={pending}>
          {t("deleteConfirm")}
        </button>
        <p role="status" className={failure ? "alert" : "visually-hidden"}>
          {failure?.message ?? ""}
        </p>
      </form>
    </details>
  );
}
