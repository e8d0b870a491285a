import { getTranslations } from "next-intl/server";
import type { Phase } from "@/db/schema/enums";

export async function PhaseBadge({ phase }: { phase: Phase }) {
  const t = await getTranslations("phases");
  return <span className={`badge badge--${phase}`}>{t(phase)}</span>;
}
