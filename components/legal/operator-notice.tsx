import { getTranslations } from "next-intl/server";
import type { OperatorConfig } from "@/server/legal/operator";

/** Labels sample values (demo mode) and says plainly when the operator's facts are missing. */
export async function OperatorNotice({ config }: { config: OperatorConfig }) {
  if (config.status === "configured") return null;
  const t = await getTranslations("legal.notice");
  const [label, text] = config.status === "sample" ? [t("sampleLabel"), t("sampleText")] : [t("missingLabel"), t("missingText")];
  return (
    <p className="notice" role="note">
      <strong>{label}</strong> {text}
    </p>
  );
}
