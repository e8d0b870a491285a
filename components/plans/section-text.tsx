import type { Block } from "@/db/schema";
import { sanitizeBlockHtml } from "@/server/plans/blocks";

/** Renders a revision's blocks; each keeps its paragraph key so comments can anchor to it. */
export function SectionText({ blocks }: { blocks: Block[] }) {
  return (
    <div className="section-text">
      {blocks.map((b) => (
        <div key={b.key} data-paragraph-key={b.key} className={`block block--${b.kind}`} dangerouslySetInnerHTML={{ __html: sanitizeBlockHtml(b.kind, b.html) }} />
      ))}
    </div>
  );
}
