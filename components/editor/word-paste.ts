/**
 * Word puts lists on the clipboard as paragraphs with a typed marker ("1." or "·") in a
 * mso-list:Ignore span. This turns runs of such paragraphs into real lists before the editor reads
 * them; the editor's schema then drops every style, class and font.
 */
export function cleanWordPaste(html: string): string {
  if (!/mso-list|MsoListParagraph/i.test(html) || typeof DOMParser === "undefined") return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  const isListParagraph = (el: Element) => el.tagName === "P" && (/MsoListParagraph/i.test(el.className) || /mso-list:\s*l\d/i.test(el.getAttribute("style") ?? ""));
  let list: HTMLElement | null = null;
  for (const el of Array.from(doc.body.children)) {
    if (!isListParagraph(el)) {
      list = null;
      continue;
    }
    const marker = Array.from(el.querySelectorAll("span")).find((s) => /mso-list:\s*ignore/i.test(s.getAttribute("style") ?? ""));
    const ordered = /^\s*[0-9a-zA-Z]{1,3}[.)]/.test(marker?.textContent ?? "");
    marker?.remove();
    if (!list || (list.tagName === "OL") !== ordered) {
      list = doc.createElement(ordered ? "ol" : "ul");
      el.before(list);
    }
    const item = doc.createElement("li");
    const p = doc.createElement("p");
    p.innerHTML = el.innerHTML;
    item.append(p);
    list.append(item);
    el.remove();
  }
  return doc.body.innerHTML;
}
