import { describe, expect, it } from "vitest";
import { authCookies, cookieSecurity, sessionPolicy } from "@/server/auth/session-policy";

describe("sign-in cookies", () => {
  it("under HTTPS are Secure, HttpOnly, SameSite=Lax and carry the __Secure- / __Host- prefixes", () => {
    const c = authCookies("https://planwerk.example");
    expect(c.sessionToken.name).toBe("__Secure-next-auth.session-token");
    expect(c.callbackUrl.name).toBe("__Secure-next-auth.callback-url");
    expect(c.csrfToken.name).toBe("__Host-next-auth.csrf-token");
    for (const cookie of Object.values(c)) {
      expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    }
    expect(cookieSecurity("https://planwerk.example")).toEqual({ secure: true, prefix: "__Secure-" });
  });

  it("on plain-http localhost are HttpOnly and SameSite=Lax without Secure or prefix (a browser would drop them)", () => {
    const c = authCookies("http://localhost:3000");
    expect(c.sessionToken.name).toBe("next-auth.session-token");
    expect(c.csrfToken.name).toBe("next-auth.csrf-token");
    for (const cookie of Object.values(c)) expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
  });

  it("keeps the session limits in one place: 30 minutes idle, 12 hours at most, a warning 2 minutes before", () => {
    expect(sessionPolicy).toEqual({ idleSeconds: 1800, absoluteSeconds: 43200, lastSeenWriteSeconds: 60, warningSeconds: 120 });
  });
});
