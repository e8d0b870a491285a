import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { appearanceOf } from "@/server/feedback/appearance";
import type { ProposalRow } from "@/server/proposals/queries";

/** Who proposed it (as they chose to appear; the group always), when, and its state. */
export async function ProposalByline({ proposal, groupName }: { proposal: ProposalRow; groupName: string }) {
  const t = await getTranslations("proposals");
  const tp = await getTranslations("participation");
  const format = await getFormatter();
  const who = appearanceOf({ displayMode: proposal.authorId ? proposal.authorDisplayMode : null, name: proposal.authorName, organisation: proposal.organisation, group: groupName });
  const parts = [who.name, who.organisation, who.private ? tp("privatePerson") : null].filter(Boolean).join(", ");
  const when = proposal.receivedAt ?? proposal.createdAt;
  return (
    <p className="meta proposal-byline">
      <span>
        {parts ? `${parts} · ` : ""}
        {who.group}
      </span>
      {proposal.source !== "platform" && <span> · {t(`source.${proposal.source}`)}</span>}
      <span> · {t("submittedOn", { date: format.dateTime(when, { dateStyle: "long" }) })}</span>
      {proposal.editedAt && <span> · {t("edited")}</span>}
      {proposal.withdrawnAt && (
        <>
          {" "}
          <Badge tone="warning">{t("withdrawn")}</Badge>
        </>
      )}
      {proposal.hiddenAt && (
        <>
          {" "}
          <Badge tone="error">{t("hidden")}</Badge>
        </>
      )}
    </p>
  );
}
