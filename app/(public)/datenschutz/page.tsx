import { getTranslations } from "next-intl/server";
import { AddressBlock, NotProvided } from "@/components/legal/address-block";
import { DataCategories } from "@/components/legal/data-categories";
import { OperatorNotice } from "@/components/legal/operator-notice";
import styles from "@/components/legal/legal.module.css";
import { getOperatorConfig } from "@/server/legal/operator";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("legal.privacy");
  return { title: t("title") };
}

const rights = ["access", "rectification", "erasure", "restriction", "portability", "objection"] as const;

export default async function PrivacyPage() {
  const t = await getTranslations("legal.privacy");
  const config = getOperatorConfig();
  const facts = config.status === "missing" ? null : config.facts;
  return (
    <div className={`page ${styles.legal}`}>
      <h1>{t("title")}</h1>
      <OperatorNotice config={config} />
      <p className="lead">{t("intro")}</p>

      <h2>{t("controllerHeading")}</h2>
      {facts ? (
        <AddressBlock lines={[facts.operator.name, facts.operator.authority, facts.operator.department]} address={facts.operator.address} email={facts.operator.email} phone={facts.operator.phone} />
      ) : (
        <NotProvided />
      )}

      <h2>{t("dpoHeading")}</h2>
      <p>{t("dpoText")}</p>
      {facts ? (
        <AddressBlock
          lines={[facts.dataProtectionOfficer.name]}
          address={facts.dataProtectionOfficer.address}
          email={facts.dataProtectionOfficer.email}
          phone={facts.dataProtectionOfficer.phone}
        />
      ) : (
        <NotProvided />
      )}

      <h2>{t("dataHeading")}</h2>
      <DataCategories serverLogDays={facts?.retention.serverLogDays ?? null} />

      <h2>{t("legalBasisHeading")}</h2>
      <p>{t("legalBasisText")}</p>

      <h2>{t("recipientsHeading")}</h2>
      <p>{t("recipientsText")}</p>

      <h2>{t("rightsHeading")}</h2>
      <p>{t("rightsIntro")}</p>
      <ul>
        {rights.map((r) => (
          <li key={r}>{t(`rights.${r}`)}</li>
        ))}
      </ul>
      <p>{t("rightsContact")}</p>

      <h2>{t("complaintHeading")}</h2>
      <p>{t("complaintText")}</p>
      {facts ? (
        <AddressBlock
          lines={[facts.supervisoryAuthority.name]}
          address={facts.supervisoryAuthority.address}
          email={facts.supervisoryAuthority.email}
          website={facts.supervisoryAuthority.website}
        />
      ) : (
        <NotProvided />
      )}
    </div>
  );
}
