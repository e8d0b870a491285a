"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { changeOutline } from "@/server/editions/outline-actions";
import { useClearOnOtherAction } from "../ui/action-bus";
import { ActionForm, Field } from "../ui/action-form";
import { Dialog, DialogActions } from "../ui/dialog";

type Section = { key: string; number: string; title: string; revision: { number: number; at: string } | null; comments: number };
type Chapter = { key: string; number: string; title: string; sections: Section[] };
type Show = (r: { ok: boolean; message: string }) => true;

/** Hidden fields and one button: a single outline operation (move, remove). */
function Operation({ fields, label, name, show, danger = false }: { fields: Record<string, string>; label: string; name: string; show: Show; danger?: boolean }) {
  return (
    <ActionForm action={changeOutline} onSuccess="refresh" onResult={show} className="inline-form">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className={danger ? "button button--danger" : "button button--secondary"} aria-label={name}>
        {label}
      </button>
    </ActionForm>
  );
}

/** A rename (or add) form in a dialog: one title field. */
function TitleDialog({ fields, trigger, triggerLabel, title, current, show, submit }: { fields: Record<string, string>; trigger: string; triggerLabel: string; title: string; current: string; show: Show; submit: string }) {
  const t = useTranslations("editionsAdmin");
  return (
    <Dialog trigger={trigger} triggerLabel={triggerLabel} title={title}>
      {(close) => (
        <ActionForm action={changeOutline} onSuccess="refresh" onResult={(r) => (r.ok ? (show(r), close(), true) : false)}>
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <Field name="title" label={t("outlineTitle")}>
            {(p) => <input {...p} defaultValue={current} maxLength={200} required />}
          </Field>
          <DialogActions submit={submit} cancel={t("cancel")} onCancel={close} />
        </ActionForm>
      )}
    </Dialog>
  );
}

/**
 * The edition's outline with its changes: add, rename, move up and down, remove (after a
 * confirmation; a section with comments is kept and the server says why). The outcome is announced
 * once, above the outline.
 */
export function OutlineEditor({ editionId, outline, editable, locale }: { editionId: string; outline: Chapter[]; editable: boolean; locale: string }) {
  const t = useTranslations("editionsAdmin");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const clear = useCallback(() => setMessage(null), []);
  useClearOnOtherAction("outline", clear);
  const show: Show = (r) => (setMessage({ ok: r.ok, text: r.message || (r.ok ? t("outlineSaved") : "") }), true);
  const base = { editionId };
  return (
    <div className="outline-editor">
      <p role="status" className={message ? (message.ok ? "success" : "alert") : "visually-hidden"}>
        {message?.text ?? ""}
      </p>
      {outline.length === 0 && <p>{t("outlineEmpty")}</p>}
      {outline.map((c, ci) => (
        <section key={c.key} className="outline-chapter card" aria-labelledby={`chapter-${c.key}`}>
          <h3 id={`chapter-${c.key}`}>
            {c.number} {c.title}
          </h3>
          {editable && (
            <div className="button-row">
              <TitleDialog
                fields={{ ...base, operation: "renameChapter", chapterKey: c.key }}
                trigger={t("rename")}
                triggerLabel={t("renameChapter", { title: c.title })}
                title={t("renameChapter", { title: c.title })}
                current={c.title}
                show={show}
                submit={t("save")}
              />
              {ci > 0 && <Operation fields={{ ...base, operation: "moveChapter", chapterKey: c.key, direction: "up" }} label={t("up")} name={t("chapterUp", { title: c.title })} show={show} />}
              {ci < outline.length - 1 && <Operation fields={{ ...base, operation: "moveChapter", chapterKey: c.key, direction: "down" }} label={t("down")} name={t("chapterDown", { title: c.title })} show={show} />}
              <Dialog trigger={t("remove")} triggerLabel={t("removeChapter", { title: c.title })} title={t("removeChapter", { title: c.title })}>
                {(close) => (
                  <>
                    <p>{t("removeChapterConsequence", { count: c.sections.length })}</p>
                    <Operation fields={{ ...base, operation: "removeChapter", chapterKey: c.key }} label={t("removeConfirm")} name={t("removeConfirm")} show={(r) => (show(r), close(), true)} danger />
                  </>
                )}
              </Dialog>
            </div>
          )}
          {c.sections.length > 0 && (
            <ol className="outline-sections">
              {c.sections.map((s, si) => (
                <li key={s.key}>
                  {editable ? (
                    <Link href={`/admin/editions/${editionId}/sections/${s.key}`}>
                      {s.number} {s.title}
                    </Link>
                  ) : (
                    <span>
                      {s.number} {s.title}
                    </span>
                  )}
                  <span className="meta stacked">
                    {s.revision ? t("revisionMeta", { number: s.revision.number, date: new Date(s.revision.at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }) }) : t("noText")}
                    {" · "}
                    {t("commentCount", { count: s.comments })}
                  </span>
                  {editable && (
                    <div className="button-row">
                      <TitleDialog
                        fields={{ ...base, operation: "renameSection", sectionKey: s.key }}
                        trigger={t("rename")}
                        triggerLabel={t("renameSection", { title: s.title })}
                        title={t("renameSection", { title: s.title })}
                        current={s.title}
                        show={show}
                        submit={t("save")}
                      />
                      {si > 0 && <Operation fields={{ ...base, operation: "moveSection", sectionKey: s.key, direction: "up" }} label={t("up")} name={t("sectionUp", { title: s.title })} show={show} />}
                      {si < c.sections.length - 1 && (
                        <Operation fields={{ ...base, operation: "moveSection", sectionKey: s.key, direction: "down" }} label={t("down")} name={t("sectionDown", { title: s.title })} show={show} />
                      )}
                      <Dialog trigger={t("remove")} triggerLabel={t("removeSection", { title: s.title })} title={t("removeSection", { title: s.title })}>
                        {(close) => (
                          <>
                            <p>{s.comments > 0 ? t("removeSectionHasComments", { count: s.comments }) : t("removeSectionConsequence")}</p>
                            <Operation fields={{ ...base, operation: "removeSection", sectionKey: s.key }} label={t("removeConfirm")} name={t("removeConfirm")} show={(r) => (show(r), close(), true)} danger />
                          </>
                        )}
                      </Dialog>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          {editable && (
            <TitleDialog
              fields={{ ...base, operation: "addSection", chapterKey: c.key }}
              trigger={t("addSection")}
              triggerLabel={t("addSectionTo", { title: c.title })}
              title={t("addSectionTo", { title: c.title })}
              current=""
              show={show}
              submit={t("add")}
            />
          )}
        </section>
      ))}
      {editable && (
        <TitleDialog fields={{ ...base, operation: "addChapter" }} trigger={t("addChapter")} triggerLabel={t("addChapter")} title={t("addChapter")} current="" show={show} submit={t("add")} />
      )}
    </div>
  );
}
