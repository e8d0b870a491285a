import type { Phase, Role } from "@/db/schema/enums";

/** Who is asking: a signed-in person, or null for the public. */
export type Actor = { id: string; role: Role } | null;
export type Audience = Role | "public";
export const audiences = ["public", "stakeholder", "council", "officer"] as const satisfies readonly Audience[];

type EditionResource = { phase: Phase; opensAt: Date | null; closesAt: Date | null };

/** What each action is asked about. */
export type Resources = {
  "edition.read": EditionResource;
  "edition.participate": EditionResource;
  "account.view": null;
  "profile.update": { userId: string };
  "locale.set": null;
  "users.view": null;
  "user.invite": null;
  "user.manage": { userId: string };
  "invitation.accept": null;
  "outbox.view": { demo: boolean };
  "accessibility.feedback": null;
};
export type Action = keyof Resources;

type Rule<R> = boolean | ((actor: NonNullable<Actor> | null, resource: R, now: Date) => boolean);
type Table = { [A in Action]: { [R in Audience]: Rule<Resources[A]> } };

const notDraft = (_: unknown, e: EditionResource) => e.phase !== "draft";
/** Participation only while the edition is in consultation and the window is open — checked on the server. */
export const consultationOpen = (e: EditionResource, now: Date) =>
  e.phase === "consultation" && (!e.opensAt || e.opensAt <= now) && (!e.closesAt || now < e.closesAt);
const inWindow = (_: unknown, e: EditionResource, now: Date) => consultationOpen(e, now);
const self = (actor: Actor, r: { userId: string }) => actor?.id === r.userId;
const otherPerson = (actor: Actor, r: { userId: string }) => actor !== null && actor.id !== r.userId;

/**
 * The role × action table. `true`/`false` hold whatever the resource; a function adds the phase
 * or ownership rule. Council members take part like stakeholders and have the council's rights on top.
 */
export const permissions = {
  "edition.read": { public: notDraft, stakeholder: notDraft, council: notDraft, officer: true },
  "edition.participate": { public: false, stakeholder: inWindow, council: inWindow, officer: inWindow },
  "account.view": { public: false, stakeholder: true, council: true, officer: true },
  "profile.update": { public: false, stakeholder: self, council: self, officer: self },
  "locale.set": { public: true, stakeholder: true, council: true, officer: true },
  "users.view": { public: false, stakeholder: false, council: false, officer: true },
  "user.invite": { public: false, stakeholder: false, council: false, officer: true },
  // An officer manages everyone but themself, so the county never locks out its last officer by accident.
  "user.manage": { public: false, stakeholder: false, council: false, officer: otherPerson },
  "invitation.accept": { public: true, stakeholder: true, council: true, officer: true },
  // Anyone may report an accessibility barrier (BITV 2.0 § 7 feedback mechanism).
  "accessibility.feedback": { public: true, stakeholder: true, council: true, officer: true },
  "outbox.view": { public: (_, r) => r.demo, stakeholder: (_, r) => r.demo, council: (_, r) => r.demo, officer: true },
} satisfies Table;

/** The permission table's view of a signed-in person (or the public). */
export const actorOf = (user: { id: string; role: Role } | null): Actor => (user ? { id: user.id, role: user.role } : null);

export function audienceOf(actor: Actor): Audience {
  return actor ? actor.role : "public";
}

export function can<A extends Action>(actor: Actor, action: A, resource: Resources[A], now: Date = new Date()): boolean {
  const rule = (permissions as Table)[action][audienceOf(actor)] as Rule<Resources[A]>;
  return typeof rule === "function" ? rule(actor, resource, now) : rule;
}

/** Audiences the table refuses whatever the resource: each gets a generated refusal test. */
export function alwaysRefused(action: Action): Audience[] {
  return audiences.filter((a) => (permissions as Table)[action][a] === false);
}
