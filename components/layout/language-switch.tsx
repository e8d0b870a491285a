"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/server/i18n/actions";

export function LanguageSwitch({ current }: { current: "de" | "en" }) {
  const t = useTranslations("layout");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const other = current === "de" ? "en" : "de";
  return (
    <button
      type="button"
      className="button button--link"
      lang={other}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await setLocale({ locale: other });
          router.refresh();
        })
      }
    >
      {t(`switchTo.${other}`)}
    </button>
  );
}
