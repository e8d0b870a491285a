import { describe, expect, it } from "vitest";
import { plainUserText, renderUserText } from "@/server/text/markdown";

describe("safe user text", () => {
  it("renders the Markdown subset: emphasis, lists, links with rel and a new tab", () => {
    const html = renderUserText("Wir brauchen **mehr** Kurse, *dringend*.\n\n- Abendkurse\n- Kinderbetreuung\n\nSiehe https://www.goeppingen.de/kurse");
    expect(html).toContain("<strong>mehr</strong>");
    expect(html).toContain("<em>dringend</em>");
    expect(html).toContain("<li>Abendkurse</li>");
    expect(html).toContain('<a href="https://www.goeppingen.de/kurse" rel="nofollow ugc noopener" target="_blank">https://www.goeppingen.de/kurse</a>');
  });

  it("keeps XSS payloads inert: HTML is text, script links lose their link", () => {
    const attacks = [
      '<img src=x onerror="alert(1)">',
      "<script>alert(1)</script>",
      "[klick](javascript:alert(1))",
      "[klick](data:text/html;base64,PHNjcmlwdD4=)",
      '<a href="javascript:alert(1)">x</a>',
      "[x](JaVaScRiPt:alert(1))",
      '<svg onload="alert(1)">',
    ];
    for (const a of attacks) {
      const html = renderUserText(a);
      expect(html, a).not.toMatch(/<(img|script|svg)\b/i);
      expect(html, a).not.toMatch(/<a [^>]*href="(javascript|data):/i);
      expect(html, a).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    }
    expect(renderUserText("<script>alert(1)</script>")).toContain("&lt;script&gt;");
  });

  it("gives the plain words for previews", () => {
    expect(plainUserText("**Mehr** Kurse <b>bitte</b>")).toBe("Mehr Kurse <b>bitte</b>");
  });
});
