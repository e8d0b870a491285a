/**
 * The security headers of every response (OWASP ASVS 5.0 V3). Written by hand: Next's own guide
 * builds the nonce CSP in a few lines, and helmet/next-safe target Express or static headers
 * and cannot take a per-request nonce from Next's proxy.
 */

export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

/** A Content-Security-Policy for one response: scripts only with this nonce (and what they load). */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts that a nonced script loads are trusted; nothing else runs. No 'unsafe-inline', no 'unsafe-eval' (React needs eval in development only).
    `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style elements need the nonce; style attributes (React's style={…}) cannot carry one.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Features no page of Planwerk uses: refused to every frame and script. */
export const permissionsPolicy = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** Headers that are the same on every response, static files included (next.config.ts sends them). */
export const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: permissionsPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Whether a request that runs a server action may do so: its Origin must be the app's own
 * (NEXTAUTH_URL). Next compares Origin with Host or X-Forwarded-Host, both of which a direct caller
 * chooses, and lets a request without Origin through; Planwerk refuses both.
 */
export function actionOriginAllowed(origin: string | null, appUrl: string | undefined): boolean {
  if (!origin || origin === "null" || !appUrl) return false;
  try {
    return new URL(origin).origin === new URL(appUrl).origin;
  } catch {
    return false;
  }
}
