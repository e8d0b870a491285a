import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AddressBlock, NotProvided } from "@/components/legal/address-block";
import { OperatorNotice } from "@/components/legal/operator-notice";
import styles from "@/components/legal/legal.module.css";
import { isDemo } from "@/server/env";
import { getOperatorConfig } from "@/server/legal/operator";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("legal.imprint");
  return { title: t("title") };
}

export default async function ImprintPage() {
  const t = await getTranslations("legal.imprint");
  const tl = await getTranslations("legal");
  const config = getOperatorConfig();
  const facts = config.status === "missing" ? null : config.facts;
  const o = facts?.operator;
  return (
    <div className={`page ${styles.legal}`}>
      <h1>{t("title")}</h1>
      <OperatorNotice config={config} />
      <p>{t("intro")}</p>

      <h2>{t("providerHeading")}</h2>
      {o ? (
        <>
          <AddressBlock lines={[o.name, o.authority, o.department]} address={o.address} email={o.email} phone={o.phone} website={o.website} />
          <dl className="facts">
            <div>
              <dt>{t("legalForm")}</dt>
              <dd>{o.legalForm}</dd>
            </div>
            <div>
              <dt>{t("representedBy")}</dt>
              <dd>{o.representative}</dd>
            </div>
            {o.vatId && (
              <div>
                <dt>{t("vatId")}</dt>
                <dd>{o.vatId}</dd>
              </div>
            )}
          </dl>
        </>
      ) : (
        <NotProvided />
      )}

      <h2>{t("responsibleHeading")}</h2>
      {facts ? <AddressBlock lines={[facts.contentResponsible.name]} address={facts.contentResponsible.address ?? facts.operator.address} /> : <NotProvided />}

      <h2>{t("platformHeading")}</h2>
      <p>{t("platformText")}</p>
      {isDemo() && <p>{tl("sampleContent")}</p>}

      <h2>{t("moreHeading")}</h2>
      <ul>
        <li>
          <Link href="/datenschutz">{t("privacyLink")}</Link>
        </li>
        <li>
          <Link href="/barrierefreiheit">{t("accessibilityLink")}</Link>
        </li>
      </ul>
    </div>
  );
}
