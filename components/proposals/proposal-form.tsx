"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { createProposal, updateProposal } from "@/server/proposals/actions";
import { ACTOR_MAX, TITLE_MAX } from "@/server/proposals/limits";
import type { ActionResult } from "@/server/actions/result";
import { USER_TEXT_MAX } from "@/server/text/limits";

type Result = ActionResult<{ id: string; editionId?: string }> | null;
type Values = { title: string; description: string; responsibleActor: string | null };
type Props =
  | { mode: "create"; submissionKey: string; chapters: { id: string; label: string }[]; chapterId: string | null; editionId: string }
  | { mode: "edit"; proposalId: string; initial: Values; onDone?: () => void };

/**
 * A proposal's title, description and (optional) responsible actor, for a new proposal or the
 * author's edit. It posts to the server action itself, so it works without JavaScript (the page
 * reloads with the outcome); with JavaScript a new proposal opens its own page. The submission key
 * travels with the form: a double click or a resent request creates the proposal once.
 */
export function ProposalForm(props: Props) {
  const t = useTranslations("proposals.form");
  const router = useRouter();
  // The server action itself (not a wrapper), so the form also posts without JavaScript.
  const serverAction = (props.mode === "create" ? createProposal : updateProposal) as unknown as (state: Result, data: FormData) => Promise<Result>;
  const [state, action, pending] = useActionState(serverAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const summaryRef = useRef<HTMLDivElement>(null);
  const id = props.mode === "create" ? "new-proposal" : `edit-${props.proposalId}`;

  useEffect(() => {
    if (!state) return;
    if (!state.ok && Object.keys(state.fieldErrors ?? {}).length > 0) summaryRef.current?.focus();
    if (state.ok && props.mode === "create") {
      router.push(`/editions/${state.data.editionId}/proposals/${state.data.id}`);
    }
    if (state.ok && props.mode === "edit") router.refresh();
    // Only a new result should act.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const field = (name: string) => {
    const error = errors[name];
    const describedBy = [`${id}-${name}-hint`, error ? `${id}-${name}-error` : null].filter(Boolean).join(" ");
    return {
      control: { id: `${id}-${name}`, name, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) },
      error: error ? (
        <p id={`${id}-${name}-error`} className="field-error">
          {error}
        </p>
      ) : null,
    };
  };
  const labels: Record<string, string> = { chapterId: t("chapter"), title: t("title"), description: t("description"), responsibleActor: t("responsibleActor") };
  const initial = props.mode === "edit" ? props.initial : null;
  const chapter = field("chapterId");
  const title = field("title");
  const description = field("description");
  const actor = field("responsibleActor");

  return (
    <form
      id={id}
      action={action}
      className="form proposal-form"
      noValidate
      aria-busy={pending}
      onSubmit={(e) => {
        // With JavaScript: dispatch by hand, so React does not empty the fields when the server asks for a correction.
        e.preventDefault();
        if (pending) return;
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      {Object.keys(errors).length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={`${id}-summary`}>
          <p id={`${id}-summary`} className="error-summary__title">
            {t("summary", { count: Object.keys(errors).length })}
          </p>
          <ul>
            {Object.entries(errors).map(([name, message]) => (
              <li key={name}>{labels[name] ? <a href={`#${id}-${name}`}>{`${labels[name]}: ${message}`}</a> : message}</li>
            ))}
          </ul>
        </div>
      )}
      {props.mode === "create" ? (
        <>
          <input type="hidden" name="submissionKey" value={props.submissionKey} />
          <div className="field">
            <label htmlFor={chapter.control.id}>{t("chapter")}</label>
            <p id={`${id}-chapterId-hint`} className="field-hint">
              {t("chapterHint")}
            </p>
            <select {...chapter.control} defaultValue={props.chapterId ?? ""}>
              {props.chapterId === null && <option value="">{t("chooseChapter")}</option>}
              {props.chapters.map((c) => (
                <option key={c.id} value={c.id} lang="de">
                  {c.label}
                </option>
              ))}
            </select>
            {chapter.error}
          </div>
        </>
      ) : (
        <input type="hidden" name="proposalId" value={props.proposalId} />
      )}
      <div className="field">
        <label htmlFor={title.control.id}>{t("title")}</label>
        <p id={`${id}-title-hint`} className="field-hint">
          {t("titleHint", { max: TITLE_MAX })}
        </p>
        <input {...title.control} defaultValue={initial?.title} maxLength={TITLE_MAX} autoComplete="off" />
        {title.error}
      </div>
      <div className="field">
        <label htmlFor={description.control.id}>{t("description")}</label>
        <p id={`${id}-description-hint`} className="field-hint">
          {t("descriptionHint", { max: USER_TEXT_MAX.toLocaleString("de-DE") })}
        </p>
        <textarea {...description.control} defaultValue={initial?.description} rows={8} />
        {description.error}
      </div>
      <div className="field">
        <label htmlFor={actor.control.id}>
          {t("responsibleActor")} <span className="meta">{t("optional")}</span>
        </label>
        <p id={`${id}-responsibleActor-hint`} className="field-hint">
          {t("responsibleActorHint", { max: ACTOR_MAX })}
        </p>
        <input {...actor.control} defaultValue={initial?.responsibleActor ?? ""} maxLength={ACTOR_MAX} autoComplete="off" />
        {actor.error}
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {props.mode === "create" ? t("submit") : t("save")}
        </button>
      </div>
      <p role="status" className={state ? (state.ok ? "success" : "alert") : "visually-hidden"}>
        {state?.ok ? (
          props.mode === "create" ? (
            <>
              {t("created")}{" "}
              <Link href={`/editions/${state.data.editionId}/proposals/${state.data.id}`}>{t("openCreated")}</Link>
            </>
          ) : (
            t("saved")
          )
        ) : (
          (state?.message ?? "")
        )}
      </p>
    </form>
  );
}
