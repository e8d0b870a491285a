import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "@/server/auth/redirect";

const base = "https://planwerk.example";

/** Values that must never lead away from the app's origin. */
export const hostile = [
  "/\\evil.example",
  "/%5Cevil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "//evil.example",
  "///evil.example",
  "https://evil.example",
  "http://planwerk.example",
  "https:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://planwerk.example@evil.example",
  "//planwerk.example@evil.example/",
  "/.//evil.example",
  "%2F%2Fevil.example",
  " //evil.example",
  "\n//evil.example",
  "https://evil.example/https://planwerk.example/",
];

describe("safeRedirectPath", () => {
  it.each(hostile)("keeps %j on the app's origin", (value) => {
    const path = safeRedirectPath(value, base);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    // What a browser makes of the Location header: still the app's origin.
    expect(new URL(path, base).origin).toBe(base);
    expect(new URL(safeRedirectUrl(value, base)).origin).toBe(base);
  });

  it("sends a value that names another origin to the start page", () => {
    for (const v of ["//evil.example", "https://evil.example/x", "/\\evil.example", "javascript:alert(1)", "https://planwerk.example@evil.example"]) {
      expect(safeRedirectPath(v, base)).toBe("/");
    }
  });

  it("keeps a same-origin path with query and hash", () => {
    expect(safeRedirectPath("/editions/1/sections/wohnen?tab=comments#c-3", base)).toBe("/editions/1/sections/wohnen?tab=comments#c-3");
    expect(safeRedirectPath("https://planwerk.example/account", base)).toBe("/account");
    expect(safeRedirectPath("account", base)).toBe("/account");
  });

  it("collapses leading slashes that dot segments leave behind", () => {
    expect(safeRedirectPath("/.//evil.example", base)).toBe("/evil.example");
  });

  it("treats nothing, garbage and a broken base as the start page", () => {
    expect(safeRedirectPath(undefined, base)).toBe("/");
    expect(safeRedirectPath("", base)).toBe("/");
    expect(safeRedirectPath("http://[::1", base)).toBe("/");
    expect(safeRedirectPath("/account", "not a url")).toBe("/");
  });
});
