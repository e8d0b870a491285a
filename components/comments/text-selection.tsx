"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ANCHOR_EVENT, type SelectionAnchor } from "./anchor-event";

const collapse = (s: string) => s.replace(/\s+/g, " ");

/** The selection as an anchor, when it lies inside one paragraph of the text inside `root`. */
function anchorOf(root: HTMLElement): SelectionAnchor | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const blockOf = (n: Node | null) => (n instanceof Element ? n : n?.parentElement)?.closest<HTMLElement>("[data-paragraph-key]") ?? null;
  const block = blockOf(range.startContainer);
  if (!block || !root.contains(block) || blockOf(range.endContainer) !== block) return null;
  const raw = range.toString();
  const quote = collapse(raw).trim();
  if (quote.length < 2) return null;
  // Characters before the quote, counted like the server counts the paragraph (whitespace collapsed, trimmed start).
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const leading = raw.length - raw.trimStart().length;
  const offset = collapse(before.toString()).trimStart().length + (leading > 0 ? 1 : 0);
  const label = block.closest<HTMLElement>("[data-paragraph-label]")?.dataset.paragraphLabel ?? "";
  return { paragraphKey: block.dataset.paragraphKey!, label, quote, offset };
}

/**
 * Commenting on a span chosen with the mouse or by touch: while a span inside one paragraph is
 * selected, a button "Markierte Stelle kommentieren" stands at the bottom of the screen (clear of
 * the phone's own selection menu); it hands the span to the comment form. Keyboard and screen
 * reader users choose sentences through each paragraph's "Kommentieren" link instead.
 */
export function SelectionCommenter({ rootId }: { rootId: string }) {
  const t = useTranslations("comments");
  const [anchor, setAnchor] = useState<SelectionAnchor | null>(null);
  const last = useRef<SelectionAnchor | null>(null);
  useEffect(() => {
    const root = document.getElementById(rootId);
    if (!root) return;
    let timer: number | undefined;
    const onChange = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const a = anchorOf(root);
        if (a) last.current = a;
        setAnchor(a);
      }, 120);
    };
    document.addEventListener("selectionchange", onChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
    };
  }, [rootId]);
  if (!anchor) return null;
  return (
    <div className="selection-commenter">
      <button
        type="button"
        className="button"
        // Keep the selection while pressing the button (it would collapse before the click on some browsers).
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          const a = last.current ?? anchor;
          window.dispatchEvent(new CustomEvent<SelectionAnchor>(ANCHOR_EVENT, { detail: a }));
          window.getSelection()?.removeAllRanges();
          setAnchor(null);
        }}
      >
        {t("commentSelection")}
      </button>
    </div>
  );
}
