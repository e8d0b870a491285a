/**
 * Where to send someone after sign-in. One function for the sign-in page (server redirect of a
 * signed-in visitor), the sign-in forms (client-side navigation) and next-auth's `redirect`
 * callback, so that all three agree.
 *
 * "Same origin" is decided the way a browser decides it: the value is resolved against the app's
 * base URL with the WHATWG URL parser (which turns `\` into `/`, drops tabs and new lines, and
 * reads `//host`, `https:`, `javascript:` and `user@host` forms as other origins) and the origins
 * are compared. Checking the string's first characters is not enough: `/\evil.example` and
 * `/<TAB>/evil.example` start with a single slash and still lead to another host.
 *
 * Returns a path (with query and hash) on the base origin; anything else becomes "/". No
 * "server-only": the sign-in form uses it in the browser with `window.location.origin`.
 */
export function safeRedirectPath(value: string | null | undefined, base: string): string {
  if (!value) return "/";
  let baseUrl: URL;
  let target: URL;
  try {
    baseUrl = new URL(base);
    target = new URL(value, baseUrl);
  } catch {
    return "/";
  }
  if (target.origin !== baseUrl.origin || (target.protocol !== "http:" && target.protocol !== "https:")) return "/";
  // A path that itself starts with "//" (from "/.//evil.example" after dot-segment removal) would
  // be read as a host when written into a Location header: keep exactly one leading slash.
  const path = `/${target.pathname.replace(/^\/+/, "")}${target.search}${target.hash}`;
  return path;
}

/** The same, as an absolute URL on the base origin (for next-auth's `redirect` callback). */
export function safeRedirectUrl(value: string | null | undefined, base: string): string {
  return new URL(safeRedirectPath(value, base), base).href;
}
