/**
 * How long a sign-in lasts — the one place for these limits. No "server-only": the idle-session
 * dialog in the browser uses the warning time.
 */
export const sessionPolicy = {
  /** A session with no request for this long ends. */
  idleSeconds: 30 * 60,
  /** A session ends this long after sign-in, however active. */
  absoluteSeconds: 12 * 60 * 60,
  /** sessions.last_seen_at is written at most this often, not on every request. */
  lastSeenWriteSeconds: 60,
  /** The dialog that offers to stay signed in appears this long before the idle end. */
  warningSeconds: 2 * 60,
} as const;

export type CookieSecurity = { secure: boolean; prefix: "__Secure-" | "" };

/** HTTPS base URL → Secure cookies with the __Secure- prefix; plain http (localhost only) → neither. */
export function cookieSecurity(baseUrl: string | undefined): CookieSecurity {
  const secure = !!baseUrl && baseUrl.startsWith("https://");
  return { secure, prefix: secure ? "__Secure-" : "" };
}

/**
 * next-auth's cookies, spelled out rather than left to its defaults: all HttpOnly, SameSite=Lax,
 * path /, and Secure with the __Secure- prefix under HTTPS (the CSRF cookie with __Host-).
 */
export function authCookies(baseUrl: string | undefined) {
  const { secure, prefix } = cookieSecurity(baseUrl);
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options },
  };
}
