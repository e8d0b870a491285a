"use client";
import { useTranslations } from "next-intl";

/** next-auth's client (about 8 KB gzip) loads on the click, not with every page. */
export async function signOutAndLeave() {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/" });
}

export function SignOutButton() {
  const t = useTranslations("layout");
  return (
    <button type="button" className="button button--secondary" onClick={() => void signOutAndLeave()}>
      {t("signOut")}
    </button>
  );
}
