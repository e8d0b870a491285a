import "server-only";
import crypto from "node:crypto";

/**
 * Whether a POST comes from a page of this app: its Origin header names the app's origin (or, for
 * a browser that sends none, Sec-Fetch-Site says "same-origin"). Browsers set both themselves, so
 * another site cannot fake them; this is the check Next applies to server actions.
 */
export function isSameOriginPost(headers: Headers, baseUrl = process.env.NEXTAUTH_URL): boolean {
  if (!baseUrl) return false;
  const expected = new URL(baseUrl).origin;
  const origin = headers.get("origin");
  if (origin) return origin === expected;
  return headers.get("sec-fetch-site") === "same-origin";
}

/** next-auth's CSRF cookie value (core/lib/csrf-token.js): `token|sha256(token + secret)`. */
export function csrfCookieValue(token: string, secret: string): string {
  return `${token}|${crypto.createHash("sha256").update(`${token}${secret}`).digest("hex")}`;
}

/** The token of a CSRF cookie value, if next-auth would accept the cookie. */
export function tokenOfCsrfCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const [token] = value.split("|");
  return token && csrfCookieValue(token, secret) === value ? token : null;
}

export const newCsrfToken = () => crypto.randomBytes(32).toString("hex");
