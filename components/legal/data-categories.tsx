import { getTranslations } from "next-intl/server";
import styles from "./legal.module.css";

/** What Planwerk stores, in the order a person meets it; each with what, why and how long. */
const categories = ["account", "invitations", "signInLinks", "sessions", "contributions", "audit", "mail", "feedback", "rateLimits", "cookies", "serverLogs"] as const;

export async function DataCategories({ serverLogDays }: { serverLogDays: number | null }) {
  const t = await getTranslations("legal.privacy");
  return (
    <ul className={styles.categories}>
      {categories.map((c) => (
        <li key={c} className={styles.category}>
          <h3>{t(`categories.${c}.title`)}</h3>
          <dl>
            <dt>{t("what")}</dt>
            <dd>{t(`categories.${c}.what`)}</dd>
            <dt>{t("why")}</dt>
            <dd>{t(`categories.${c}.why`)}</dd>
            <dt>{t("howLong")}</dt>
            <dd>
              {c !== "serverLogs"
                ? t(`categories.${c}.howLong`)
                : serverLogDays
                  ? t("categories.serverLogs.howLong", { days: serverLogDays })
                  : t("serverLogsUnknown")}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
