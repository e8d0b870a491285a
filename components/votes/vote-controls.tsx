"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { castVote, retractVote } from "@/server/proposals/votes";
import { voteChoices, type VoteChoice } from "@/server/proposals/limits";
import type { VoteTotals } from "@/server/proposals/queries";
import { useMutation } from "../ui/use-mutation";

type VoteState = { choice: VoteChoice | null; totals: VoteTotals };
type Message = { ok: boolean; text: string } | null;

/** The totals as they will be once this person's vote moves from `from` to `to`. */
function moved(totals: VoteTotals, from: VoteChoice | null, to: VoteChoice | null): VoteTotals {
  const next = { ...totals };
  if (from) {
    next[from] -= 1;
    next.voters -= 1;
  }
  if (to) {
    next[to] += 1;
    next.voters += 1;
  }
  return next;
}

/**
 * For / against / abstain, and taking the vote back. With JavaScript the choice and the totals
 * change at once (an optimistic mutation) and roll back with the server's message if it refuses
 * (e.g. the window closed meanwhile); the page then refreshes the split by group. Without
 * JavaScript the buttons post the form and the page reloads with the outcome.
 */
export function VoteControls({ proposalId, initial, title }: { proposalId: string; initial: VoteState; title: string }) {
  const t = useTranslations("proposals.vote");
  const router = useRouter();
  const [state, setState] = useState<VoteState>(initial);
  const [message, setMessage] = useState<Message>(null);
  // The no-JavaScript path: the server action posts the form, the returned state shows after the reload.
  const [castResult, castAction] = useActionState(castVote, null);
  const [retractResult, retractAction] = useActionState(retractVote, null);
  const fallback = castResult ?? retractResult;

  // A fresh server render (after router.refresh) is the truth again.
  const initialKey = JSON.stringify(initial);
  const lastInitial = useRef(initialKey);
  useEffect(() => {
    if (lastInitial.current === initialKey) return;
    lastInitial.current = initialKey;
    setState(JSON.parse(initialKey) as VoteState);
  }, [initialKey]);

  const mutation = useMutation({
    mutationFn: async (choice: VoteChoice | null) => {
      const result = choice ? await castVote({ proposalId, choice }) : await retractVote({ proposalId });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onMutate: (choice) => {
      const previous = state;
      setMessage(null);
      setState({ choice, totals: moved(previous.totals, previous.choice, choice) });
      return { previous };
    },
    onError: (error, _choice, context) => {
      if (context) setState(context.previous);
      setMessage({ ok: false, text: error.message });
    },
    onSuccess: (data) => {
      setState({ choice: data.choice, totals: data.totals });
      setMessage({ ok: true, text: data.choice ? t("saved", { choice: t(data.choice) }) : t("retracted") });
      router.refresh();
    },
  });

  const shown = message ?? (fallback ? { ok: fallback.ok, text: fallback.ok ? (fallback.data.choice ? t("saved", { choice: t(fallback.data.choice) }) : t("retracted")) : fallback.message } : null);
  const { totals, choice } = state;
  return (
    <div className="vote-controls">
      <form
        action={castAction}
        onSubmit={(e) => {
          e.preventDefault();
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          if (mutation.isPending || !submitter) return;
          const value = submitter.name === "choice" ? (submitter.value as VoteChoice) : null;
          if (value === choice) return;
          mutation.mutate(value);
        }}
        aria-label={t("formLabel", { title })}
      >
        <input type="hidden" name="proposalId" value={proposalId} />
        <div className="vote-controls__buttons" role="group" aria-label={t("legend")}>
          {voteChoices.map((c) => (
            <button
              key={c}
              type="submit"
              name="choice"
              value={c}
              className={`button vote-button vote-button--${c}${choice === c ? " vote-button--chosen" : " button--secondary"}`}
              aria-pressed={choice === c}
              disabled={mutation.isPending}
            >
              {choice === c && <span aria-hidden="true">✓ </span>}
              {t(c)}
            </button>
          ))}
          {choice && (
            <button type="submit" formAction={retractAction} className="button button--quiet" disabled={mutation.isPending}>
              {t("retract")}
            </button>
          )}
        </div>
      </form>
      <p className="vote-controls__mine">{choice ? t("yourVote", { choice: t(choice) }) : t("none")}</p>
      <p className="vote-totals" aria-live="polite">
        {t("totals", { for: totals.for, against: totals.against, abstain: totals.abstain, voters: totals.voters })}
      </p>
      <p role="status" className={shown ? (shown.ok ? "success" : "alert") : "visually-hidden"}>
        {shown?.text ?? ""}
      </p>
    </div>
  );
}
