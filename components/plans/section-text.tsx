import type { Block } from "@/db/schema";
import { sanitizeBlockHtml } from "@/server/plans/blocks";

/**
 * Renders a revision's blocks; each keeps its paragraph key so comments can anchor to it. The plan
 * is written in German, so its text says so whatever the interface language (lang="de"). A table
 * scrolls sideways inside its own focusable region instead of widening the page.
 */
export function SectionText({ blocks, tableLabel }: { blocks: Block[]; tableLabel: string }) {
  return (
    <div className="section-text" lang="de">
      {blocks.map((b) =>
        b.kind === "table" ? (
          <div
            key={b.key}
            data-paragraph-key={b.key}
            className="block block--table table-scroll"
            role="region"
            aria-label={labelOf(b.html, tableLabel)}
            tabIndex={0}
            dangerouslySetInnerHTML={{ __html: sanitizeBlockHtml(b.kind, b.html) }}
          />
        ) : (
          <div key={b.key} data-paragraph-key={b.key} className={`block block--${b.kind}`} dangerouslySetInnerHTML={{ __html: sanitizeBlockHtml(b.kind, b.html) }} />
        ),
      )}
    </div>
  );
}

/** The table's caption, else the generic label with its column heads, so several tables are told apart. */
function labelOf(html: string, generic: string): string {
  const text = (s: string) => s.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
  const caption = /<caption[^>]*>([\s\S]*?)<\/caption>/i.exec(html)?.[1];
  if (caption && text(caption)) return text(caption);
  const heads = [...html.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/gi)].map((m) => text(m[1] ?? "")).filter(Boolean);
  return heads.length ? `${generic}: ${heads.join(", ")}` : generic;
}
