import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isDemo } from "@/server/env";

/** In demo mode, where the mails of the demo are read (there is no real mailbox); nothing otherwise. */
export async function DemoOutboxLink({ className }: { className?: string }) {
  if (!isDemo()) return null;
  const t = await getTranslations("layout");
  return (
    <p className={className}>
      {t("demoMailHint")} <Link href="/outbox">{t("demoOutboxLink")}</Link>
    </p>
  );
}
