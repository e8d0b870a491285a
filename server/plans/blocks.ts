import sanitizeHtml from "sanitize-html";
import type { Block } from "@/db/schema";

const inline = ["strong", "em", "br"];
const allowedTags: Record<Block["kind"], string[]> = {
  paragraph: ["p", ...inline],
  list: ["ul", "ol", "li", ...inline],
  table: ["table", "caption", "thead", "tbody", "tr", "th", "td", ...inline],
};

/** The HTML subset a block may hold: structure for its kind and a few inline tags, no attributes. */
export function sanitizeBlockHtml(kind: Block["kind"], html: string): string {
  return sanitizeHtml(html, { allowedTags: allowedTags[kind], allowedAttributes: {}, disallowedTagsMode: "discard" });
}

/** Plain text of a block, for quotes and word counts. */
export function blockText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}
