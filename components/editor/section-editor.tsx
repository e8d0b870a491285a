"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useId, useRef, useState } from "react";
import { saveSectionText } from "@/server/editions/outline-actions";

type Message = { ok: boolean; text: string } | null;

// tiptap comes after the page's first load (ssr: false: the editor renders only in the browser anyway).
const TextEditor = dynamic(() => import("./text-editor"), {
  ssr: false,
  loading: () => <div className="editor__content section-text" aria-busy="true" />,
});

/**
 * The officer's editor for one section: the title (the outline's heading) above the text, whose
 * blocks are paragraphs, lists and tables with bold, italic and links. Headings are not offered
 * inside the text (they are the outline's); pasted from Word, lists and tables stay and styles go.
 * Saving writes a new revision; each block keeps its paragraph key (see BlockKeys).
 */
export function SectionEditor({ editionId, sectionKey, title, html }: { editionId: string; sectionKey: string; title: string; html: string }) {
  const t = useTranslations("editor");
  const router = useRouter();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState(false);
  // Set by the text editor once it has loaded: reads its text as HTML.
  const getHtml = useRef<(() => string) | null>(null);
  const [ready, setReady] = useState(false);
  const onReady = useCallback((read: () => string) => {
    getHtml.current = read;
    setReady(true);
  }, []);

  async function save(form: FormData) {
    if (!getHtml.current) return;
    setPending(true);
    form.set("html", getHtml.current());
    const result = await saveSectionText(form).catch(() => ({ ok: false as const, code: "internal" as const, message: t("failed") }));
    setPending(false);
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setMessage({ ok: true, text: result.data.revision ? t("saved", { number: result.data.revision }) : result.data.renamed ? t("titleSaved") : t("unchanged") });
    router.refresh();
  }

  return (
    <form
      className="form editor"
      noValidate
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        void save(new FormData(e.currentTarget));
      }}
    >
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="sectionKey" value={sectionKey} />
      <div className="field">
        <label htmlFor={`${id}-title`}>{t("title")}</label>
        <input id={`${id}-title`} name="title" defaultValue={title} maxLength={200} required />
      </div>
      <div className="field">
        <span className="label" id={`${id}-text-label`}>
          {t("text")}
        </span>
        <p className="field-hint" id={`${id}-text-hint`}>
          {t("textHint")}
        </p>
        <TextEditor id={id} html={html} onReady={onReady} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("note")}</label>
        <p className="field-hint" id={`${id}-note-hint`}>
          {t("noteHint")}
        </p>
        <input id={`${id}-note`} name="note" maxLength={500} aria-describedby={`${id}-note-hint`} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={!ready || pending}>
          {t("save")}
        </button>
      </div>
      <p role="status" className={message ? (message.ok ? "success" : "alert") : "visually-hidden"}>
        {message?.text ?? ""}
      </p>
    </form>
  );
}
