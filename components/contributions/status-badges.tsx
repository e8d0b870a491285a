import { getTranslations } from "next-intl/server";
import type { ContributionStatus } from "@/server/contributions/queries";

/** A contribution's status as badges: hidden (with the moderator's reason), deleted, withdrawn, edited, answered — or visible. */
export async function StatusBadges({ status }: { status: ContributionStatus }) {
  const t = await getTranslations("contributions.status");
  const badges: { tone: string; text: string }[] = [];
  if (status.hidden) badges.push({ tone: "error", text: status.hiddenReason ? t("hiddenReason", { reason: status.hiddenReason }) : t("hidden") });
  if (status.deleted) badges.push({ tone: "neutral", text: t("deleted") });
  if (status.withdrawn) badges.push({ tone: "warning", text: t("withdrawn") });
  if (status.edited && !status.deleted) badges.push({ tone: "neutral", text: t("edited") });
  if (status.answered) badges.push({ tone: "info", text: t("answered") });
  if (badges.length === 0) badges.push({ tone: "ok", text: t("visible") });
  return (
    <span className="status-badges">
      {badges.map((b) => (
        <span key={b.text} className={`badge badge--${b.tone}`}>
          {b.text}
        </span>
      ))}
    </span>
  );
}
