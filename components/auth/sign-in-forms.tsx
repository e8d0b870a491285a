"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

export function PasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setPending(true);
        setError(false);
        const result = await signIn("password", { email: data.get("email"), password: data.get("password"), redirect: false });
        setPending(false);
        if (!result || result.error || !result.ok) {
          setError(true);
          return;
        }
        router.replace(callbackUrl);
        router.refresh();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-email`}>{t("email")}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t("password")}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
      </div>
      <p aria-live="polite" className={error ? "alert" : "visually-hidden"} role={error ? "alert" : undefined}>
        {error ? t("failed") : ""}
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
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setPending(true);
        await signIn("email", { email: data.get("email"), redirect: false, callbackUrl }).catch(() => undefined);
        // Whatever happened, the same page: it must not reveal which addresses have accounts.
        router.push("/signin/check-email");
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-magic`}>{t("magicEmail")}</label>
        <input id={`${id}-magic`} name="email" type="email" autoComplete="email" required />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("sendLink")}
      </button>
    </form>
  );
}
