"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { withdrawProposal } from "@/server/proposals/actions";

/** The author's withdrawal, behind a disclosure that says what it means (works without JavaScript). */
export function WithdrawForm({ proposalId }: { proposalId: string }) {
  const t = useTranslations("proposals.withdraw");
  const router = useRouter();
  const [state, action, pending] = useActionState(withdrawProposal, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <details className="proposal-tool">
      <summary>{t("open")}</summary>
      <form action={action} className="form">
        <p>{t("consequence")}</p>
        <input type="hidden" name="proposalId" value={proposalId} />
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={pending}>
            {t("confirm")}
          </button>
        </div>
        <p role="status" className={state ? (state.ok ? "success" : "alert") : "visually-hidden"}>
          {state ? (state.ok ? t("done") : state.message) : ""}
        </p>
      </form>
    </details>
  );
}
