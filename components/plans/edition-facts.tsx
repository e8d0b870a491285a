import { getFormatter, getTranslations } from "next-intl/server";
import type { EditionSummary } from "@/server/plans/queries";
import { PhaseBadge } from "./phase-badge";

type Props = Pick<EditionSummary, "phase" | "opensAt" | "closesAt" | "decision">;

/** Phase, consultation window and council decision, with times in Europe/Berlin. */
export async function EditionFacts({ edition }: { edition: Props }) {
  const t = await getTranslations("editions");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  return (
    <dl className="facts">
      <div>
        <dt>{t("phase")}</dt>
        <dd>
          <PhaseBadge phase={edition.phase} />
        </dd>
      </div>
      {edition.opensAt && edition.closesAt && (
        <div>
          <dt>{t("window")}</dt>
          <dd>{t("windowValue", { from: when(edition.opensAt), to: when(edition.closesAt) })}</dd>
        </div>
      )}
      {edition.decision && (
        <div>
          <dt>{t(`decision.${edition.decision.outcome}`)}</dt>
          <dd>{format.dateTime(new Date(`${edition.decision.decidedOn}T12:00:00Z`), { dateStyle: "long" })}</dd>
        </div>
      )}
    </dl>
  );
}
