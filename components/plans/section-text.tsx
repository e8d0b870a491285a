import type { Block } from "@/db/schema";
import { prepareBlock, tableLabelOf, type PreparedBlock } from "@/server/plans/prepared";

/**
 * Renders a revision's blocks; each keeps its paragraph key so comments can anchor to it. The plan
 * is written in German, so its text says so whatever the interface language (lang="de"). A table
 * scrolls sideways inside its own focusable region instead of widening the page. Blocks prepared
 * once per revision (server/plans/prepared.ts) are shown as they are; raw ones are sanitised here.
 */
export function SectionText({ blocks, tableLabel }: { blocks: (Block | PreparedBlock)[]; tableLabel: string }) {
  return (
    <div className="section-text" lang="de">
      {blocks.map((raw) => {
        const b = "safeHtml" in raw ? raw : prepareBlock(raw);
        return b.kind === "table" ? (
          <div
            key={b.key}
            data-paragraph-key={b.key}
            className="block block--table table-scroll"
            role="region"
            aria-label={tableLabelOf(b, tableLabel)}
            tabIndex={0}
            dangerouslySetInnerHTML={{ __html: b.safeHtml }}
          />
        ) : (
          <div key={b.key} data-paragraph-key={b.key} className={`block block--${b.kind}`} dangerouslySetInnerHTML={{ __html: b.safeHtml }} />
        );
      })}
    </div>
  );
}
