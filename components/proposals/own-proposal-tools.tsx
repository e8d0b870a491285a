"use client";
import { lazy, Suspense, type ComponentProps } from "react";
import type { ProposalForm } from "./proposal-form";
import type { WithdrawForm } from "./withdraw-form";

// React.lazy rather than next/dynamic: next/dynamic's own runtime weighs what the split saves.
const LazyProposalForm = lazy(() => import("./proposal-form").then((m) => ({ default: m.ProposalForm })));
const LazyWithdrawForm = lazy(() => import("./withdraw-form").then((m) => ({ default: m.WithdrawForm })));

/**
 * The author's tools on a proposal page (edit, withdraw), loaded only where the page shows them:
 * most readers are not the author, and the page's first-load JavaScript is close to its budget.
 * Rendered on the server as usual (so they work without JavaScript); the browser fetches their
 * code when it hydrates them.
 */
export function OwnProposalForm(props: ComponentProps<typeof ProposalForm>) {
  return (
    <Suspense fallback={null}>
      <LazyProposalForm {...props} />
    </Suspense>
  );
}

export function OwnWithdrawForm(props: ComponentProps<typeof WithdrawForm>) {
  return (
    <Suspense fallback={null}>
      <LazyWithdrawForm {...props} />
    </Suspense>
  );
}
