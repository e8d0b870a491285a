import { getTranslations } from "next-intl/server";

export async function SampleNotice() {
  const t = await getTranslations("editions");
  return (
    <p className="notice" role="note">
      <strong>{t("sampleLabel")}</strong> {t("sampleText")}
    </p>
  );
}
