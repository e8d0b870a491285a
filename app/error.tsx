"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useEffect } from "react";

/** A page that failed on the server: a plain message in the user's language, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("serverError");
  const router = useRouter();
  const title = t("title");
  // An error boundary cannot export metadata: name the page in the tab title ourselves.
  useEffect(() => {
    document.title = `${title} · Planwerk`;
  }, [title]);
  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <button
        type="button"
        className="button"
        // The failure was on the server: fetch the page again, then leave the error state.
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        {t("retry")}
      </button>
    </div>
  );
}
