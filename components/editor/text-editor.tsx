"use client";
import { mergeAttributes } from "@tiptap/core";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { BlockKeys } from "./block-keys";
import { cleanWordPaste } from "./word-paste";

/** A table without the inline widths the default one writes (the CSP refuses style attributes; the stored subset has none). */
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ["table", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), ["tbody", 0]];
  },
}).configure({ resizable: false, View: null });

/**
 * The section text in tiptap with its toolbar (the heavy part of the editor page: about 140 KB gzip
 * of JavaScript, so SectionEditor loads it after the page itself). `onReady` hands the form a way
 * to read the text as HTML once the editor is there.
 */
export default function TextEditor({ id, html, onReady }: { id: string; html: string; onReady: (getHtml: () => string) => void }) {
  const t = useTranslations("editor");
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  const editor = useEditor({
    immediatelyRender: false,
    // The page's CSP allows no inline styles: the editor's few rules are in globals.css.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: false,
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"], defaultProtocol: "https", HTMLAttributes: { rel: "noopener noreferrer", target: null } },
      }),
      PlainTable,
      TableRow,
      TableHeader,
      TableCell,
      BlockKeys,
    ],
    content: html,
    editorProps: {
      attributes: {
        id: `${id}-text`,
        class: "editor__content section-text",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-text-label`,
        "aria-describedby": `${id}-text-hint`,
        lang: "de",
      },
      transformPastedHTML: cleanWordPaste,
    },
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive("bold"),
            italic: e.isActive("italic"),
            bulletList: e.isActive("bulletList"),
            orderedList: e.isActive("orderedList"),
            link: e.isActive("link"),
            table: e.isActive("table"),
            canUndo: e.can().undo(),
            canRedo: e.can().redo(),
          }
        : null,
  });

  useEffect(() => {
    if (editor) onReady(() => editor.getHTML());
  }, [editor, onReady]);

  const chain = () => editor!.chain().focus();
  const mark = (name: string, label: string, pressed: boolean | undefined, run: () => void) => (
    <button type="button" className="editor__tool" aria-pressed={!!pressed} onClick={run} disabled={!editor} key={name}>
      {label}
    </button>
  );
  const act = (name: string, label: string, run: () => void, enabled = true) => (
    <button type="button" className="editor__tool" onClick={run} disabled={!editor || !enabled} key={name}>
      {label}
    </button>
  );

  return (
    <>
      <div role="toolbar" aria-label={t("toolbar")} aria-controls={`${id}-text`} className="editor__toolbar">
        <div className="editor__group" role="group" aria-label={t("groupFormat")}>
          {mark("bold", t("bold"), state?.bold, () => chain().toggleBold().run())}
          {mark("italic", t("italic"), state?.italic, () => chain().toggleItalic().run())}
          {mark("link", t("link"), state?.link, () => {
            if (state?.link) return chain().unsetLink().run();
            setHref("");
            setLinkOpen(true);
          })}
        </div>
        <div className="editor__group" role="group" aria-label={t("groupLists")}>
          {mark("bulletList", t("bulletList"), state?.bulletList, () => chain().toggleBulletList().run())}
          {mark("orderedList", t("orderedList"), state?.orderedList, () => chain().toggleOrderedList().run())}
        </div>
        <div className="editor__group" role="group" aria-label={t("groupTable")}>
          {act("insertTable", t("insertTable"), () => chain().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(), !state?.table)}
          {act("addRow", t("addRow"), () => chain().addRowAfter().run(), !!state?.table)}
          {act("addColumn", t("addColumn"), () => chain().addColumnAfter().run(), !!state?.table)}
          {act("deleteRow", t("deleteRow"), () => chain().deleteRow().run(), !!state?.table)}
          {act("deleteColumn", t("deleteColumn"), () => chain().deleteColumn().run(), !!state?.table)}
          {act("deleteTable", t("deleteTable"), () => chain().deleteTable().run(), !!state?.table)}
        </div>
        <div className="editor__group" role="group" aria-label={t("groupHistory")}>
          {act("undo", t("undo"), () => chain().undo().run(), !!state?.canUndo)}
          {act("redo", t("redo"), () => chain().redo().run(), !!state?.canRedo)}
        </div>
      </div>
      {linkOpen && (
        <div className="editor__link" role="group" aria-label={t("linkTitle")}>
          <label htmlFor={`${id}-href`}>{t("linkAddress")}</label>
          <input
            id={`${id}-href`}
            type="url"
            value={href}
            autoFocus
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                setLinkOpen(false);
                editor?.commands.focus();
              }
            }}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              if (/^(https?:\/\/|mailto:)/i.test(href.trim())) chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
              setLinkOpen(false);
            }}
          >
            {t("linkApply")}
          </button>
          <button type="button" className="button button--quiet" onClick={() => (setLinkOpen(false), editor?.commands.focus())}>
            {t("cancel")}
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
    </>
  );
}
