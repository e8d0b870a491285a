import sanitizeHtml from "sanitize-html";
import type { Block } from "@/db/schema";

const inline = ["strong", "em", "br", "a"];
/** Links may point to web pages and mail addresses only; anything else keeps its text and loses the link. */
const safeHref = /^(https?:\/\/|mailto:)/i;
const allowedTags: Record<Block["kind"], string[]> = {
  paragraph: ["p", ...inline],
  list: ["ul", "ol", "li", ...inline],
  table: ["table", "caption", "thead", "tbody", "tr", "th", "td", ...inline],
};

/** The HTML subset a block may hold: structure for its kind and a few inline tags; no attributes but a link's address. */
export function sanitizeBlockHtml(kind: Block["kind"], html: string): string {
  const clean = sanitizeHtml(html, {
    allowedTags: allowedTags[kind],
    allowedAttributes: { a: ["href", "rel"] },
    disallowedTagsMode: "discard",
    transformTags: {
      a: (_tag, given) => {
        const href = (given.href ?? "").trim();
        const attribs: Record<string, string> = safeHref.test(href) ? { href, rel: "noopener noreferrer" } : {};
        return { tagName: "a", attribs };
      },
    },
  });
  // A link without a safe address is no link: its text stays.
  return clean.replace(/<a>([\s\S]*?)<\/a>/g, "$1");
}

/** Plain text of a block, for quotes and word counts. */
export function blockText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}
