import { describe, expect, it } from "vitest";
import { blockText, sanitizeBlockHtml } from "@/server/plans/blocks";

describe("block sanitising", () => {
  it("keeps the structure of the block's kind and drops attributes, scripts and other tags", () => {
    expect(sanitizeBlockHtml("paragraph", '<p onclick="x()">Text <strong>fett</strong><script>alert(1)</script><img src=x></p>')).toBe("<p>Text <strong>fett</strong></p>");
    expect(sanitizeBlockHtml("list", '<ul class="x"><li><a href="javascript:1">Link</a></li></ul>')).toBe("<ul><li>Link</li></ul>");
    expect(sanitizeBlockHtml("paragraph", "<table><tr><td>x</td></tr></table>")).toBe("x");
    expect(sanitizeBlockHtml("table", "<table><tbody><tr><td>1</td></tr></tbody></table>")).toBe("<table><tbody><tr><td>1</td></tr></tbody></table>");
  });

  it("gives the plain text of a block", () => {
    expect(blockText("<p>Ein  <em>kurzer</em>\nSatz.</p>")).toBe("Ein kurzer Satz.");
  });
});
