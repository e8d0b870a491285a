import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./site-footer.module.css";

/** On every page: the county's legal pages (Impressum, privacy notice, accessibility statement). */
export async function SiteFooter() {
  const t = await getTranslations("legal.footer");
  const tl = await getTranslations("layout");
  return (
    <footer className="site-footer">
      <nav aria-label={t("navigation")}>
        <ul className={styles.links}>
          <li>
            <Link href="/impressum">{t("imprint")}</Link>
          </li>
          <li>
            <Link href="/datenschutz">{t("privacy")}</Link>
          </li>
          <li>
            <Link href="/barrierefreiheit">{t("accessibility")}</Link>
          </li>
        </ul>
      </nav>
      <p>{tl("footer")}</p>
    </footer>
  );
}
