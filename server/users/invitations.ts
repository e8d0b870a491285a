import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, users } from "@/db/schema";
import type { Locale, Role } from "@/db/schema/enums";
import { ActionError } from "../actions/result";
import { enqueueMail } from "../mail/outbox";
import { invitationMail } from "../mail/templates";
import { invitationExpiry } from "../security/lifetimes";
import { emailIs } from "./email";
import { hashToken, newToken } from "./tokens";

export { INVITATION_DAYS } from "../security/lifetimes";

/** An invitation that can still be accepted: this token, not yet accepted, not revoked, not expired, person active. */
export function openInvitationWhere(token: string, now: Date = new Date()): SQL {
  return and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now), eq(users.active, true))!;
}

/**
 * Creates the person's account (without a password), the invitation and its mail in the caller's
 * transaction. Used by the officer's form and by the bootstrap script alike.
 */
export async function createInvitation(
  tx: DbOrTx,
  input: {
    email: string;
    name: string;
    role: Role;
    groupId: string;
    organisationId?: string | null;
    invitedBy: { id: string; name: string } | null;
    baseUrl: string;
    locale?: Locale;
  },
): Promise<{ userId: string; url: string }> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(emailIs(input.email));
  if (existing) throw new ActionError("conflict", "emailTaken", { email: "taken" });
  const [created] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, groupId: input.groupId, organisationId: input.organisationId ?? null, ...(input.locale ? { locale: input.locale } : {}) })
    .returning({ id: users.id, locale: users.locale });
  const token = newToken();
  const expiresAt = invitationExpiry();
  await tx.insert(invitations).values({
    userId: created!.id,
    tokenHash: hashToken(token),
    invitedBy: input.invitedBy?.id ?? null,
    expiresAt,
  });
  const url = `${input.baseUrl.replace(/\/$/, "")}/invitation/${token}`;
  await enqueueMail(tx, invitationMail({ to: input.email, url, name: input.name, inviter: input.invitedBy?.name ?? "Planwerk", locale: created!.locale, expiresAt }));
  return { userId: created!.id, url };
}

/** Withdraws every invitation of the person that has not been accepted: their links stop working. */
export async function revokeOpenInvitations(tx: DbOrTx, userId: string, now: Date = new Date()): Promise<number> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length;
}

/**
 * A new invitation (new link, new 14 days, new mail) for a person who has not set a password yet;
 * earlier links stop working. Returns false for a person who has already accepted or is deactivated.
 */
export async function renewInvitation(tx: DbOrTx, input: { userId: string; invitedBy: { id: string; name: string }; baseUrl: string }): Promise<boolean> {
  const [person] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale, active: users.active, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, input.userId))
    .for("update");
  if (!person || !person.active || person.hasPassword) return false;
  await revokeOpenInvitations(tx, input.userId);
  const token = newToken();
  const expiresAt = invitationExpiry();
  await tx.insert(invitations).values({ userId: input.userId, tokenHash: hashToken(token), invitedBy: input.invitedBy.id, expiresAt });
  const url = `${input.baseUrl.replace(/\/$/, "")}/invitation/${token}`;
  await enqueueMail(tx, invitationMail({ to: person.email, url, name: person.name, inviter: input.invitedBy.name, locale: person.locale, expiresAt }));
  return true;
}
