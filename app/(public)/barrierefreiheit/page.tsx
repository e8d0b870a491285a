import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessibilityFeedbackForm } from "@/components/legal/accessibility-feedback-form";
import { AddressBlock, NotProvided } from "@/components/legal/address-block";
import { OperatorNotice } from "@/components/legal/operator-notice";
import styles from "@/components/legal/legal.module.css";
import { isDemo } from "@/server/env";
import { getOperatorConfig } from "@/server/legal/operator";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("legal.accessibility");
  return { title: t("title") };
}

export default async function AccessibilityPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const t = await getTranslations("legal.accessibility");
  const tl = await getTranslations("legal");
  const format = await getFormatter();
  const config = getOperatorConfig();
  const facts = config.status === "missing" ? null : config.facts;
  const page = (await searchParams).page;
  const contact = facts ? (facts.accessibility.contactEmail ?? facts.operator.email) : null;
  return (
    <div className={`page ${styles.legal}`}>
      <h1>{t("title")}</h1>
      <OperatorNotice config={config} />
      <p>{t("intro", { operator: facts?.operator.name ?? tl("operatorUnknown") })}</p>

      <h2>{t("statusHeading")}</h2>
      <p>{t("statusText")}</p>

      <h2>{t("limitationsHeading")}</h2>
      <p>{t("limitationsText")}</p>
      {isDemo() && <p>{tl("sampleContent")}</p>}

      <h2>{t("reviewHeading")}</h2>
      <p>
        {facts
          ? t("reviewText", { date: format.dateTime(new Date(`${facts.accessibility.reviewDate}T12:00:00Z`), { dateStyle: "long" }) })
          : t("reviewTextMissing")}
      </p>

      <h2 id="feedback-heading">{t("feedbackHeading")}</h2>
      <p>{t("feedbackText")}</p>
      <p>
        <Link href="/datenschutz">{t("form.privacy")}</Link>
      </p>
      <section aria-labelledby="feedback-heading">
        <AccessibilityFeedbackForm
          page={typeof page === "string" ? page.slice(0, 500) : undefined}
          labels={{
            message: t("form.message"),
            page: t("form.page"),
            name: t("form.name"),
            email: t("form.email"),
            submit: t("form.submit"),
            sent: t("form.sent"),
          }}
        />
      </section>
      {contact && (
        <p>
          {t("feedbackAlternative")} <a href={`mailto:${contact}`}>{contact}</a>
        </p>
      )}

      <h2>{t("enforcementHeading")}</h2>
      <p>{t("enforcementIntro")}</p>
      {facts ? (
        <ul className={styles.bodies}>
          {facts.accessibility.enforcement.map((body) => (
            <li key={body.name} className={styles.category}>
              <h3>{body.name}</h3>
              <p>{t(`procedures.${body.procedure}`)}</p>
              <AddressBlock lines={[]} address={body.address} email={body.email} phone={body.phone} website={body.website} />
            </li>
          ))}
        </ul>
      ) : (
        <NotProvided />
      )}
    </div>
  );
}
