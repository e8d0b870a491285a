import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isDemo } from "@/server/env";

/** A strip under the header in demo mode: sample data, and the mails wait in the outbox. */
export async function DemoNotice() {
  if (!isDemo()) return null;
  const t = await getTranslations("layout");
  return (
    <aside className="demo-notice" aria-label={t("demoLabel")}>
      <p>
        <strong>{t("demoLabel")}:</strong> {t("demoText")} <Link href="/outbox">{t("demoOutboxLink")}</Link>
      </p>
    </aside>
  );
}
