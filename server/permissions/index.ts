import type { Phase, Role } from "@/db/schema/enums";

/** Who is asking: a signed-in person, or null for the public. */
export type Actor = { id: string; role: Role } | null;
export type Audience = Role | "public";
export const audiences = ["public", "stakeholder", "council", "officer"] as const satisfies readonly Audience[];

export type EditionResource = { phase: Phase; opensAt: Date | null; closesAt: Date | null };

/** What each action is asked about. */
export type Resources = {
  "edition.read": EditionResource;
  "edition.participate": EditionResource;
  "account.view": null;
  "profile.update": null;
  "locale.set": null;
  "users.view": null;
  "user.invite": null;
  "user.manage": { userId: string };
  "invitation.accept": null;
  "outbox.view": { demo: boolean };
  "accessibility.feedback": null;
  /** Comments, proposals and votes of an edition (not the public's: they read the text only). */
  "feedback.read": EditionResource;
  "comment.create": { edition: EditionResource };
  "comment.update": { edition: EditionResource; authorId: string | null };
  "comment.delete": { edition: EditionResource; authorId: string | null };
  "proposal.create": { edition: EditionResource };
  "proposal.update": { edition: EditionResource; authorId: string | null; votes: number; withdrawn: boolean };
  "proposal.withdraw": { edition: EditionResource; authorId: string | null; withdrawn: boolean };
  "vote.cast": { edition: EditionResource; withdrawn: boolean };
  "report.create": { edition: EditionResource; authorId: string | null };
  /** Own notifications, their settings, own contributions. */
  "notification.manage": null;
  /** Bulk actions on a selection of people; each person is checked again inside (never oneself). */
  "users.manageMany": null;
  /** Stakeholder groups and organisations. */
  "registry.manage": null;
  /** The officer's edition work: structure, text, window, imports. */
  "edition.edit": EditionResource;
  /** Create the next edition from an adopted one. */
  "edition.copy": EditionResource;
  /** Move an edition to the next phase. */
  "edition.phase": EditionResource & { to: Phase };
  "audit.view": null;
  "contributions.view": null;
};
export type Action = keyof Resources;

/**
 * Why a rule refuses, when "no" alone would leave the person guessing: the code the action returns
 * and a message key (under "errors") with its values, e.g. the date the consultation closed.
 */
export type Refusal = { code: "forbidden" | "closed"; reason: string; values?: Record<string, Date | string | number> };
export type Verdict = boolean | Refusal;
export type Decision = { ok: true } | { ok: false; code: "unauthenticated" | "forbidden" | "closed"; reason: string; values?: Refusal["values"] };

type Rule<R> = boolean | ((actor: Actor, resource: R, now: Date) => Verdict);
type Table = { [A in Action]: { [R in Audience]: Rule<Resources[A]> } };

/** Why participation in this edition is closed at `now`, or null while it is open. */
export function consultationRefusal(e: EditionResource, now: Date): Refusal | null {
  if (e.phase !== "consultation") return { code: "closed", reason: "closedPhase" };
  if (e.opensAt && now < e.opensAt) return { code: "closed", reason: "closedNotYet", values: { date: e.opensAt } };
  if (e.closesAt && now >= e.closesAt) return { code: "closed", reason: "closedEnded", values: { date: e.closesAt } };
  return null;
}
/** Participation only while the edition is in consultation and the window is open — the rule the server enforces and the pages show. */
export const consultationOpen = (e: EditionResource, now: Date = new Date()) => consultationRefusal(e, now) === null;

const notDraft = (_: Actor, e: EditionResource) => e.phase !== "draft";
const inWindow = (_: Actor, e: EditionResource, now: Date): Verdict => consultationRefusal(e, now) ?? true;
const otherPerson = (actor: Actor, r: { userId: string }): Verdict => (actor !== null && actor.id !== r.userId) || { code: "forbidden", reason: "self" };
const inDemo = (_: Actor, r: { demo: boolean }) => r.demo;
const notOwner: Refusal = { code: "forbidden", reason: "notOwner" };
const withdrawnRefusal: Refusal = { code: "forbidden", reason: "withdrawn" };
const participate = (_: Actor, r: { edition: EditionResource }, now: Date): Verdict => consultationRefusal(r.edition, now) ?? true;
/** The phases in which the officer edits an edition's structure and text: preparing it, and consolidating it. */
export const editablePhases: readonly Phase[] = ["draft", "consolidation"];
const editable = (_: Actor, e: EditionResource): Verdict => editablePhases.includes(e.phase) || { code: "closed", reason: "notEditable" };
/** The moves the officer makes here; adoption (and referral back) is recorded with the council's decision. */
export const phaseTransitions: Partial<Record<Phase, Phase>> = { draft: "consultation", consultation: "consolidation", consolidation: "council_review" };
const nextPhase = (_: Actor, r: Resources["edition.phase"]): Verdict => phaseTransitions[r.phase] === r.to || { code: "forbidden", reason: "phaseTransition" };
const adoptedOnly = (_: Actor, e: EditionResource): Verdict => e.phase === "adopted" || e.phase === "superseded" || { code: "forbidden", reason: "copyAdoptedOnly" };

/** One's own contribution, while the window is open. */
const ownInWindow = (actor: Actor, r: { edition: EditionResource; authorId: string | null }, now: Date): Verdict =>
  actor === null || actor.id !== r.authorId ? notOwner : (consultationRefusal(r.edition, now) ?? true);
/** A proposal may be edited by its author until the first vote arrives, within the window. */
const proposalEditable = (actor: Actor, r: Resources["proposal.update"], now: Date): Verdict => {
  const own = ownInWindow(actor, r, now);
  if (own !== true) return own;
  if (r.withdrawn) return withdrawnRefusal;
  return r.votes === 0 || { code: "forbidden", reason: "hasVotes" };
};
/** Withdrawing is the author's at any time. */
const ownProposal = (actor: Actor, r: Resources["proposal.withdraw"]): Verdict => (actor !== null && actor.id === r.authorId ? !r.withdrawn || withdrawnRefusal : notOwner);
const votable = (_: Actor, r: Resources["vote.cast"], now: Date): Verdict => consultationRefusal(r.edition, now) ?? (r.withdrawn ? withdrawnRefusal : true);
/** Reporting someone else's contribution, within the window. */
const reportable = (actor: Actor, r: Resources["report.create"], now: Date): Verdict =>
  actor !== null && actor.id === r.authorId ? { code: "forbidden", reason: "self" } : (consultationRefusal(r.edition, now) ?? true);

/**
 * The role × action table. `true`/`false` hold whatever the resource; a function adds the phase
 * or ownership rule and may say why it refuses. Council members take part like stakeholders and
 * have the council's rights on top.
 */
export const permissions = {
  "edition.read": { public: notDraft, stakeholder: notDraft, council: notDraft, officer: true },
  "edition.participate": { public: false, stakeholder: inWindow, council: inWindow, officer: inWindow },
  "account.view": { public: false, stakeholder: true, council: true, officer: true },
  // Always the signed-in person's own profile: the action takes no one else's id.
  "profile.update": { public: false, stakeholder: true, council: true, officer: true },
  "locale.set": { public: true, stakeholder: true, council: true, officer: true },
  "users.view": { public: false, stakeholder: false, council: false, officer: true },
  "user.invite": { public: false, stakeholder: false, council: false, officer: true },
  // An officer manages everyone but themself, so the county never locks out its last officer by accident.
  "user.manage": { public: false, stakeholder: false, council: false, officer: otherPerson },
  "invitation.accept": { public: true, stakeholder: true, council: true, officer: true },
  // Anyone may report an accessibility barrier (BITV 2.0 § 7 feedback mechanism).
  "accessibility.feedback": { public: true, stakeholder: true, council: true, officer: true },
  "outbox.view": { public: inDemo, stakeholder: inDemo, council: inDemo, officer: true },
  "feedback.read": { public: false, stakeholder: notDraft, council: notDraft, officer: true },
  "comment.create": { public: false, stakeholder: participate, council: participate, officer: participate },
  "comment.update": { public: false, stakeholder: ownInWindow, council: ownInWindow, officer: ownInWindow },
  "comment.delete": { public: false, stakeholder: ownInWindow, council: ownInWindow, officer: ownInWindow },
  "proposal.create": { public: false, stakeholder: participate, council: participate, officer: participate },
  "proposal.update": { public: false, stakeholder: proposalEditable, council: proposalEditable, officer: proposalEditable },
  "proposal.withdraw": { public: false, stakeholder: ownProposal, council: ownProposal, officer: ownProposal },
  "vote.cast": { public: false, stakeholder: votable, council: votable, officer: votable },
  "report.create": { public: false, stakeholder: reportable, council: reportable, officer: reportable },
  "notification.manage": { public: false, stakeholder: true, council: true, officer: true },
  "users.manageMany": { public: false, stakeholder: false, council: false, officer: true },
  "registry.manage": { public: false, stakeholder: false, council: false, officer: true },
  "edition.edit": { public: false, stakeholder: false, council: false, officer: editable },
  "edition.copy": { public: false, stakeholder: false, council: false, officer: adoptedOnly },
  "edition.phase": { public: false, stakeholder: false, council: false, officer: nextPhase },
  "audit.view": { public: false, stakeholder: false, council: false, officer: true },
  "contributions.view": { public: false, stakeholder: true, council: true, officer: true },
} satisfies Table;

/** The permission table's view of a signed-in person (or the public). */
export const actorOf = (user: { id: string; role: Role } | null): Actor => (user ? { id: user.id, role: user.role } : null);

export function audienceOf(actor: Actor): Audience {
  return actor ? actor.role : "public";
}

/** The table's answer with its reason: the actions return it as a typed error. */
export function decide<A extends Action>(actor: Actor, action: A, resource: Resources[A], now: Date = new Date()): Decision {
  const rule = (permissions as Table)[action][audienceOf(actor)] as Rule<Resources[A]>;
  const verdict = typeof rule === "function" ? rule(actor, resource, now) : rule;
  if (verdict === true) return { ok: true };
  if (verdict === false || !actor) return { ok: false, code: actor ? "forbidden" : "unauthenticated", reason: actor ? "forbidden" : "unauthenticated" };
  return { ok: false, ...verdict };
}

export function can<A extends Action>(actor: Actor, action: A, resource: Resources[A], now: Date = new Date()): boolean {
  return decide(actor, action, resource, now).ok;
}

/**
 * Which text of a readable edition a person reads: null for the newest (working) text, or the
 * moment whose text they read. While the officer consolidates and the council reviews, her work in
 * progress is hers (and, in council review, the council's): everyone else reads the text as it
 * stood when the consultation closed.
 */
export function readableTextAsOf(actor: Actor, e: EditionResource): Date | null {
  const audience = audienceOf(actor);
  if (audience === "officer") return null;
  if (e.phase === "consolidation" || (e.phase === "council_review" && audience !== "council")) return e.closesAt ?? e.opensAt ?? new Date(0);
  return null;
}

/** Audiences the table refuses whatever the resource: each gets a generated refusal test. */
export function alwaysRefused(action: Action): Audience[] {
  return audiences.filter((a) => (permissions as Table)[action][a] === false);
}

/** Audiences whose rule depends on the resource and so can refuse: each needs a declared refusal case. */
export function conditionallyRefused(action: Action): Audience[] {
  return audiences.filter((a) => typeof (permissions as Table)[action][a] === "function");
}

/** Actions whose rule refuses the public whatever the resource: their `run` gets a signed-in person. */
type PublicRule<A extends Action> = (typeof permissions)[A]["public"];
export type SignedInOnly<A extends Action> = PublicRule<A> extends false ? true : false;
