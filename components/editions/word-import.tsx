"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { applyWordImport, previewWordImport } from "@/server/editions/word-actions";
import type { ActionResult } from "@/server/actions/result";
import type { ImportPlan } from "@/server/editions/word";

type Option = { key: string; label: string };
type Message = { ok: boolean; text: string } | null;

/**
 * Word import in two steps: the file (and optionally the chapter it goes into) gives a preview of
 * its chapters, sections and blocks and where each section would go — matched by title or number,
 * changeable here — and only "Übernehmen" writes, all in one transaction.
 */
export function WordImport({ editionId, chapters, sectionsByChapter }: { editionId: string; chapters: Option[]; sectionsByChapter: Record<string, Option[]> }) {
  const t = useTranslations("editionsAdmin");
  const router = useRouter();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [source, setSource] = useState<{ file: File; chapterKey: string } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const allSections = Object.values(sectionsByChapter).flat();
  // A request that never reached the action (too large for the server, connection lost).
  const failed: ActionResult<never> = { ok: false, code: "internal", message: t("wordFailed") };
  // The preview takes the focus when it appears, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (plan) previewRef.current?.focus();
  }, [plan]);

  async function preview(form: FormData) {
    setMessage(null);
    setFileError(null);
    setPlan(null);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setFileError(t("wordChoose"));
    setPending(true);
    const result = await previewWordImport(form).catch(() => failed);
    setPending(false);
    if (!result.ok) {
      const text = result.fieldErrors?.file ?? result.message;
      setFileError(text);
      return;
    }
    setSource({ file, chapterKey: String(form.get("chapterKey") ?? "") });
    setPlan(result.data);
  }

  async function apply(form: FormData) {
    if (!source || !plan) return;
    const mapping = plan.chapters.flatMap((c) => c.sections.map((s) => String(form.get(`map-${s.index}`) ?? "skip")));
    const data = new FormData();
    data.set("editionId", editionId);
    data.set("file", source.file);
    if (source.chapterKey) data.set("chapterKey", source.chapterKey);
    data.set("mapping", JSON.stringify(mapping));
    setPending(true);
    const result = await applyWordImport(data).catch(() => failed);
    setPending(false);
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setPlan(null);
    setSource(null);
    setMessage({ ok: true, text: t("wordApplied", { revisions: result.data.revisions, created: result.data.created }) });
    router.refresh();
  }

  const kinds = (k: Record<string, number>) => [k.paragraph ? t("kindParagraph", { count: k.paragraph }) : null, k.list ? t("kindList", { count: k.list }) : null, k.table ? t("kindTable", { count: k.table }) : null].filter(Boolean).join(", ");

  return (
    <div className="word-import">
      <form
        className="form"
        noValidate
        aria-busy={pending}
        onSubmit={(e) => {
          e.preventDefault();
          void preview(new FormData(e.currentTarget));
        }}
      >
        <input type="hidden" name="editionId" value={editionId} />
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("wordFile")}</label>
          <p className="field-hint" id={`${id}-file-hint`}>
            {t("wordFileHint")}
          </p>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ""}`}
            aria-invalid={fileError ? true : undefined}
          />
          {fileError && (
            <p className="field-error" id={`${id}-file-error`} role="alert">
              {fileError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-chapter`}>{t("wordTarget")}</label>
          <select id={`${id}-chapter`} name="chapterKey" defaultValue="">
            <option value="">{t("wordTargetWhole")}</option>
            {chapters.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--secondary" disabled={pending}>
            {t("wordPreview")}
          </button>
        </div>
      </form>
      {plan && (
        <form
          className="form word-preview"
          noValidate
          aria-busy={pending}
          onSubmit={(e) => {
            e.preventDefault();
            void apply(new FormData(e.currentTarget));
          }}
        >
          <h3 ref={previewRef} tabIndex={-1}>
            {t("wordPreviewHeading", { count: plan.sectionCount })}
          </h3>
          <p>{t("wordPreviewIntro")}</p>
          {plan.chapters.map((c, ci) => (
            <fieldset key={ci} className="field word-preview__chapter">
              <legend>
                {[c.number, c.title].filter(Boolean).join(" ") || t("wordNoHeading")}
                {" — "}
                {c.match ? t("wordChapterMatch", { title: c.match.title }) : t("wordChapterNew")}
              </legend>
              {c.intro && <p className="meta">{t("wordChapterIntro")}</p>}
              {c.sections.map((s) => {
                const pool = c.match ? (sectionsByChapter[c.match.key] ?? []) : allSections;
                return (
                  <div key={s.index} className="field">
                    <label htmlFor={`${id}-map-${s.index}`}>
                      {[s.number, s.title].filter(Boolean).join(" ")} <span className="meta">({kinds(s.kinds) || t("kindNone")})</span>
                    </label>
                    <p className="field-hint" id={`${id}-map-${s.index}-hint`}>
                      {s.match ? t(s.match.by === "title" ? "wordMatchTitle" : "wordMatchNumber", { number: s.match.number, title: s.match.title }) : t("wordMatchNone")}
                    </p>
                    <select id={`${id}-map-${s.index}`} name={`map-${s.index}`} defaultValue={s.match?.key ?? "new"} aria-describedby={`${id}-map-${s.index}-hint`}>
                      <option value="new">{t("wordNew")}</option>
                      <option value="skip">{t("wordSkip")}</option>
                      {pool.map((o) => (
                        <option key={o.key} value={o.key}>
                          {t("wordInto", { title: o.label })}
                        </option>
                      ))}
                    </select>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <div className="button-row">
            <button type="submit" className="button" disabled={pending}>
              {t("wordApply")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => (setPlan(null), setSource(null))}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      <p role="status" className={message ? (message.ok ? "success" : "alert") : "visually-hidden"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
