import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/legal/legal.module.css";

export async function generateMetadata() {
  const t = await getTranslations("terms");
  return { title: t("title") };
}

const sections = ["purpose", "account", "record", "appearance", "conduct"] as const;

/** The terms a person accepts with their invitation: what the platform is for and how contributions are used. */
export default async function TermsPage() {
  const t = await getTranslations("terms");
  return (
    <div className={`page ${styles.legal}`}>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`terms-${s}`}>
          <h2 id={`terms-${s}`}>{t(`${s}Heading`)}</h2>
          <p>{t(s)}</p>
        </section>
      ))}
      <section aria-labelledby="terms-privacy">
        <h2 id="terms-privacy">{t("privacyHeading")}</h2>
        <p>{t.rich("privacy", { link: (chunks) => <Link href="/datenschutz">{chunks}</Link> })}</p>
      </section>
      <section aria-labelledby="terms-changes">
        <h2 id="terms-changes">{t("changesHeading")}</h2>
        <p>{t("changes")}</p>
      </section>
    </div>
  );
}
