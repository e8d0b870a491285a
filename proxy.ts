import { NextResponse, type NextRequest } from "next/server";
import { actionOriginAllowed, contentSecurityPolicy, HSTS, SESSION_COOKIES } from "@/server/security/headers";

/**
 * Runs before every page and route: refuses cross-site server-action calls, and gives each
 * response a Content-Security-Policy with a fresh nonce (Next reads it from the request header and
 * puts it on its own scripts), HSTS under HTTPS, and `no-store` for signed-in people.
 */
export function proxy(request: NextRequest) {
  const appUrl = process.env.NEXTAUTH_URL;
  if (request.method === "POST" && request.headers.has("next-action") && !actionOriginAllowed(request.headers.get("origin"), appUrl)) {
    return new NextResponse("Cross-site request refused.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  const https = appUrl?.startsWith("https:") || request.nextUrl.protocol === "https:";
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  // Static build files carry no HTML; next.config.ts gives them the static headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fonts/).*)"],
};
