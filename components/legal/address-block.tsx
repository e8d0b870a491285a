import { getTranslations } from "next-intl/server";
import type { Address } from "@/server/legal/operator";
import styles from "./legal.module.css";

/** A postal address with its contact lines; missing facts read "not yet provided". */
export async function AddressBlock({
  lines,
  address,
  email,
  phone,
  website,
}: {
  lines: (string | undefined)[];
  address?: Address;
  email?: string;
  phone?: string;
  website?: string;
}) {
  const t = await getTranslations("legal");
  const shown = lines.filter((l): l is string => Boolean(l));
  return (
    <address className={styles.address}>
      {shown.map((l) => (
        <p key={l}>{l}</p>
      ))}
      {address && (
        <>
          <p>{address.street}</p>
          <p>
            {address.postalCode} {address.city}
          </p>
        </>
      )}
      {email && (
        <p>
          {t("email")}: <a href={`mailto:${email}`}>{email}</a>
        </p>
      )}
      {phone && (
        <p>
          {t("phone")}: <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>
        </p>
      )}
      {website && (
        <p>
          {t("website")}: <a href={website}>{website.replace(/^https?:\/\//, "").replace(/\/$/, "")}</a>
        </p>
      )}
    </address>
  );
}

/** Said in place of a fact the operator has not yet provided. */
export async function NotProvided() {
  const t = await getTranslations("legal");
  return <p className="meta">{t("notProvided")}</p>;
}
