"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { safeRedirectPath } from "@/server/auth/redirect";

type PostResult = { outcome: "ok" } | { outcome: "failed" } | { outcome: "limited" };

/**
 * Posts a sign-in form to next-auth the way the browser would without JavaScript, but asks for a
 * JSON answer instead of a redirect (next-auth's `json=true`). The route handler adds the CSRF
 * token for same-origin posts, so no extra request for it is needed.
 */
export async function postSignIn(action: string, fields: Record<string, string>): Promise<PostResult> {
  try {
    const res = await fetch(action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, json: "true" }),
    });
    if (res.status === 429) return { outcome: "limited" };
    const data = (await res.json().catch(() => null)) as { url?: string } | null;
    if (!res.ok || !data?.url || new URL(data.url, window.location.origin).searchParams.has("error")) return { outcome: "failed" };
    return { outcome: "ok" };
  } catch {
    return { outcome: "failed" };
  }
}

/**
 * A real form (method post, next-auth's endpoint as action) so that signing in works before
 * hydration and without JavaScript, and the password never lands in a URL; with JavaScript the
 * same post runs in the background and the page navigates client-side.
 */
export function PasswordForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<"failed" | "limited" | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="form"
      method="post"
      action="/api/auth/callback/password"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setPending(true);
        setError(null);
        const result = await postSignIn("/api/auth/callback/password", {
          email: String(data.get("email") ?? ""),
          password: String(data.get("password") ?? ""),
          callbackUrl,
        });
        setPending(false);
        if (result.outcome !== "ok") {
          setError(result.outcome);
          return;
        }
        router.replace(safeRedirectPath(callbackUrl, window.location.origin));
        router.refresh();
      }}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor={`${id}-email`}>{t("email")}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required defaultValue={email} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t("password")}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
      </div>
      <p aria-live="polite" className={error ? "alert" : "visually-hidden"} role={error ? "alert" : undefined}>
        {error === "limited" ? t("tooMany") : error ? t("failed") : ""}
      </p>
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [limited, setLimited] = useState(false);
  return (
    <form
      className="form"
      method="post"
      action="/api/auth/signin/email"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setPending(true);
        setLimited(false);
        const result = await postSignIn("/api/auth/signin/email", { email: String(data.get("email") ?? ""), callbackUrl });
        setPending(false);
        // Whatever the address, the same page: it must not reveal which addresses have accounts.
        // Only the per-client limit (which says nothing about the address) is shown here.
        if (result.outcome === "limited") {
          setLimited(true);
          return;
        }
        router.push("/signin/check-email");
      }}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor={`${id}-magic`}>{t("magicEmail")}</label>
        <input id={`${id}-magic`} name="email" type="email" autoComplete="email" required />
      </div>
      <p aria-live="polite" className={limited ? "alert" : "visually-hidden"} role={limited ? "alert" : undefined}>
        {limited ? t("tooMany") : ""}
      </p>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("sendLink")}
      </button>
    </form>
  );
}
