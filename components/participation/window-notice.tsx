import { getFormatter, getTranslations } from "next-intl/server";
import { consultationRefusal, type EditionResource } from "@/server/permissions";

/**
 * The consultation window as participants need it: open until when and how long still, not yet
 * open, or closed (with the reason) — the same rule the server enforces for every contribution.
 */
export async function WindowNotice({ edition, now = new Date() }: { edition: EditionResource; now?: Date }) {
  const t = await getTranslations("participation");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const refusal = consultationRefusal(edition, now);
  if (!refusal) {
    return (
      <p className="window-notice window-notice--open">
        {edition.closesAt ? t("openUntil", { date: when(edition.closesAt), left: format.relativeTime(edition.closesAt, now) }) : t("open")}
      </p>
    );
  }
  const message =
    refusal.reason === "closedEnded" && edition.closesAt
      ? t("closedSince", { date: when(edition.closesAt) })
      : refusal.reason === "closedNotYet" && edition.opensAt
        ? t("opensAt", { date: when(edition.opensAt) })
        : t("notOpen");
  return (
    <p className="window-notice window-notice--closed" role="note">
      {message}
    </p>
  );
}
