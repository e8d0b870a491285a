import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { getDatabase } from "@/db/client";
import { authOptions } from "@/server/auth/options";
import { csrfCookieValue, isSameOriginPost, newCsrfToken, tokenOfCsrfCookie } from "@/server/auth/csrf";
import { authCookies } from "@/server/auth/session-policy";
import { clientAddress, consume, limits } from "@/server/security/rate-limit";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const handler = (req: NextRequest, ctx: Ctx) => NextAuth(req, ctx, authOptions());

/** The sign-in posts: a password (callback/password) and a request for a sign-in link (signin/email). */
const isSignInPost = (parts: string[]) =>
  (parts[0] === "callback" && parts[1] === "password") || (parts[0] === "signin" && parts[1] === "email");

/**
 * next-auth's POST, with two additions for the sign-in posts:
 * - a limit per client address when it is known (429 with Retry-After; the per-address limits are
 *   in the options);
 * - a form posted from this app's own sign-in page without next-auth's CSRF token (no JavaScript,
 *   or before hydration) gets one: the Origin check replaces the double-submit cookie, and
 *   next-auth's own check then passes. Posts from other origins still fail it.
 */
async function POST(req: NextRequest, ctx: Ctx) {
  const parts = (await ctx.params).nextauth ?? [];
  if (!isSignInPost(parts)) return handler(req, ctx);

  const body = new URLSearchParams(req.headers.get("content-type")?.includes("application/x-www-form-urlencoded") ? await req.text() : "");
  // Without TRUST_PROXY the client's address is unknown ("untrusted"): one bucket for everybody
  // would let anyone lock every person out of signing in, so then only the per-address limits apply.
  const client = clientAddress(req.headers);
  const limited = client === "untrusted" ? ({ ok: true } as const) : await consume(await getDatabase(), limits.passwordAttemptsPerClient, client);
  if (!limited.ok) {
    const headers = { "Retry-After": String(limited.retryAfterSeconds), "Cache-Control": "no-store" };
    return body.get("json") === "true"
      ? Response.json({ error: "RateLimited", retryAfterSeconds: limited.retryAfterSeconds }, { status: 429, headers })
      : new Response(`Too many sign-in attempts. Please try again in ${limited.retryAfterSeconds} seconds.\n`, {
          status: 429,
          headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
        });
  }

  if (!body.get("csrfToken") && isSameOriginPost(req.headers)) {
    const secret = process.env.NEXTAUTH_SECRET ?? "";
    const cookie = authCookies(process.env.NEXTAUTH_URL).csrfToken;
    const jar = await cookies();
    let token = tokenOfCsrfCookie(jar.get(cookie.name)?.value, secret);
    if (!token) {
      token = newCsrfToken();
      // next-auth reads cookies through next/headers, which sees this value in the same request.
      jar.set(cookie.name, csrfCookieValue(token, secret), cookie.options);
    }
    body.set("csrfToken", token);
  }
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  const forwarded = new NextRequest(req.url, { method: "POST", headers, body: body.toString() });
  return handler(forwarded, ctx);
}

export { handler as GET, POST };
