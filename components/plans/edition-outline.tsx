import Link from "next/link";
import type { Outline } from "@/server/plans/queries";

/** The plan's table of contents; its titles are German whatever the interface language. */
export function EditionOutline({ editionId, outline, label }: { editionId: string; outline: Outline; label: string }) {
  return (
    <nav aria-label={label} className="outline">
      <ol lang="de">
        {outline.map((c) => (
          <li key={c.id}>
            <Link href={`/editions/${editionId}/chapters/${c.key}`}>
              <span className="num">{c.number}</span> {c.title}
            </Link>
            <ol>
              {c.sections.map((s) => (
                <li key={s.id}>
                  <Link href={`/editions/${editionId}/sections/${s.key}`}>
                    <span className="num">{s.number}</span> {s.title}
                  </Link>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
