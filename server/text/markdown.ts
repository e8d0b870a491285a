import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Comments and proposals are plain text with a small Markdown subset: paragraphs, line breaks,
 * *emphasis*, **strong**, lists and links (written or bare addresses). Raw HTML in the text is
 * shown as text, never interpreted. markdown-it renders; sanitize-html then keeps only the tags
 * and attributes below (a second line of defence), allows only http(s) and mailto links and gives
 * every link rel="nofollow ugc noopener" and a new tab.
 */
const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true, typographer: false })
  .enable(["paragraph", "newline", "emphasis", "list", "link", "linkify", "escape", "backticks", "autolink"]);

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "ul", "ol", "li", "a", "code"],
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? "", rel: "nofollow ugc noopener", target: "_blank" } }),
  },
  // A link whose address was refused (javascript:, data:) keeps its text and loses the link.
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href,
};

/** The safe HTML of a comment's or proposal's text. */
export function renderUserText(text: string): string {
  return sanitizeHtml(md.render(text), allowed);
}

/** The words only (for previews, mails, notifications and search snippets). */
export function plainUserText(text: string): string {
  return sanitizeHtml(md.render(text), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

export { USER_TEXT_MAX } from "./limits";
