"use server";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditLog, invitations, organisations, sessions, stakeholderGroups, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { defineAction } from "../actions/define";
import { ActionError } from "../actions/result";
import { hashPassword } from "../auth/password";
import { limits } from "../security/rate-limit";
import { actorOf, can } from "../permissions";
import { acceptInvitationInput, bulkInput, invitationInput, inviteInput, profileInput, setActiveInput, setRoleInput } from "./inputs";
import { createInvitation, openInvitationWhere, renewInvitation, revokeOpenInvitations } from "./invitations";
import { anotherActiveOfficer } from "./officers";
import { COUNCIL_GROUP_KEY } from "./options";

export const updateProfile = defineAction("profile.update", {
  input: profileInput,
  resource: async () => null,
  run: async ({ tx, input, user }) => {
    const id = user!.id;
    await tx.update(users).set({ name: input.name, displayMode: input.displayMode }).where(eq(users.id, id));
    return { data: null, audit: { targetType: "user", targetId: id, data: { displayMode: input.displayMode } } };
  },
  revalidate: ["/account"],
});

/** The one membership rule: the group exists, council members are in the group Kreistag, the organisation is the group's. */
async function checkMembership(tx: Tx, { role, groupId, organisationId }: { role: Role; groupId: string; organisationId: string | null }) {
  const [group] = await tx.select({ id: stakeholderGroups.id, key: stakeholderGroups.key }).from(stakeholderGroups).where(eq(stakeholderGroups.id, groupId));
  if (!group) throw new ActionError("invalid", "invalid", { groupId: "unknown" });
  if (role === "council" && group.key !== COUNCIL_GROUP_KEY) throw new ActionError("invalid", "councilGroup", { groupId: "kreistag" });
  if (organisationId) {
    const [org] = await tx.select({ groupId: organisations.groupId }).from(organisations).where(eq(organisations.id, organisationId));
    if (!org || org.groupId !== group.id) throw new ActionError("invalid", "organisationGroup", { organisationId: "group" });
  }
}

/** The county keeps at least one active officer: none may be demoted or deactivated if they are the last. */
async function ensureAnotherActiveOfficer(tx: Tx, userId: string) {
  if (!(await anotherActiveOfficer(tx, userId))) throw new ActionError("forbidden", "lastOfficer");
}

export const inviteUser = defineAction("user.invite", {
  input: inviteInput,
  rateLimit: limits.invitations,
  resource: async () => null,
  run: async ({ tx, input, user }) => {
    const organisationId = input.organisationId ?? null;
    await checkMembership(tx, { role: input.role, groupId: input.groupId, organisationId });
    const { userId } = await createInvitation(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      groupId: input.groupId,
      organisationId,
      invitedBy: { id: user!.id, name: user!.name },
      baseUrl: process.env.NEXTAUTH_URL ?? "",
    });
    return { data: { userId }, audit: { targetType: "user", targetId: userId, data: { role: input.role } } };
  },
  revalidate: ["/admin/users"],
});

/** Deactivating ends the person's sessions at their next request; their contributions stay. */
export const setUserActive = defineAction("user.setActive", {
  input: setActiveInput,
  resource: async ({ input }) => ({ userId: input.userId }),
  run: async ({ tx, input }) => {
    if (!input.active) await ensureAnotherActiveOfficer(tx, input.userId);
    const [row] = await tx
    .update(users)
    .set({ active: input.active, deactivatedAt: input.active ? null : new Date() })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id });
    if (!row) throw new ActionError("not_found");
    if (!input.active) await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    return { data: { active: input.active }, audit: { targetType: "user", targetId: input.userId, data: { active: input.active } } };
  },
  revalidate: ["/admin/users"],
});

/** Role, group and organisation in one step, so a change to council can move the person into the group Kreistag. */
export const setUserRole = defineAction("user.setRole", {
  input: setRoleInput,
  resource: async ({ input }) => ({ userId: input.userId }),
  run: async ({ tx, input }) => {
    const [current] = await tx
      .select({ role: users.role, groupId: users.groupId, organisationId: users.organisationId })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!current) throw new ActionError("not_found");
    const groupId = input.groupId ?? current.groupId;
    const organisationId = input.groupId ? (input.organisationId ?? null) : current.organisationId;
    await checkMembership(tx, { role: input.role, groupId, organisationId });
    if (current.role === "officer" && input.role !== "officer") await ensureAnotherActiveOfficer(tx, input.userId);
    const changed = current.role !== input.role || current.groupId !== groupId || current.organisationId !== organisationId;
    if (!changed) return { data: { changed: false, roleChanged: false }, audit: null };
    await tx.update(users).set({ role: input.role, groupId, organisationId }).where(eq(users.id, input.userId));
    const roleChanged = current.role !== input.role;
    // A new role takes effect with a new sign-in.
    if (roleChanged) await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    return {
      data: { changed: true, roleChanged },
      audit: { targetType: "user", targetId: input.userId, data: { from: current.role, to: input.role, groupId, organisationId } },
    };
  },
  revalidate: ["/admin/users"],
});

export const acceptInvitation = defineAction("invitation.accept", {
  input: acceptInvitationInput,
  resource: async () => null,
  run: async ({ tx, input }) => {
    const [invitation] = await tx
    .select({ id: invitations.id, userId: invitations.userId })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(openInvitationWhere(input.token))
    .for("update");
    if (!invitation) throw new ActionError("not_found", "invitationInvalid");
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    const now = new Date();
    await tx.update(users).set({ passwordHash: await hashPassword(input.password), emailVerifiedAt: now, termsAcceptedAt: now }).where(eq(users.id, invitation.userId));
    return { data: null, audit: { targetType: "user", targetId: invitation.userId, data: {} } };
  },
});

const baseUrl = () => process.env.NEXTAUTH_URL ?? "";

/** A new link (valid 14 days again) and mail for a person who has not accepted yet; the old link stops working. */
export const resendInvitation = defineAction("invitation.resend", {
  input: invitationInput,
  rateLimit: limits.invitations,
  resource: async ({ input }) => ({ userId: input.userId }),
  run: async ({ tx, input, user }) => {
    const renewed = await renewInvitation(tx, { userId: input.userId, invitedBy: { id: user!.id, name: user!.name }, baseUrl: baseUrl() });
    if (!renewed) throw new ActionError("conflict", "invitationNotOpen");
    return { data: null, audit: { targetType: "user", targetId: input.userId, data: {} } };
  },
  revalidate: ["/admin/users", "/admin/registry"],
});

/** Withdraws the open invitation: its link no longer works; the account stays (without password) until invited again. */
export const revokeInvitation = defineAction("invitation.revoke", {
  input: invitationInput,
  resource: async ({ input }) => ({ userId: input.userId }),
  run: async ({ tx, input }) => {
    const revoked = await revokeOpenInvitations(tx, input.userId);
    if (revoked === 0) throw new ActionError("conflict", "invitationNotOpen");
    return { data: null, audit: { targetType: "user", targetId: input.userId, data: { revoked } } };
  },
  revalidate: ["/admin/users", "/admin/registry"],
});

/**
 * Resend or deactivate for a selection of people. Each person is checked again (never oneself),
 * the last active officer stays, and what could not be done is counted, not silently dropped.
 */
export const bulkPeopleAction = defineAction("users.bulk", {
  input: bulkInput,
  rateLimit: limits.invitations,
  resource: async () => null,
  run: async ({ tx, input, user }) => {
    const actor = actorOf(user);
    const doneIds: string[] = [];
    let skipped = 0;
    for (const userId of [...new Set(input.userIds)]) {
      if (!can(actor, "user.manage", { userId })) {
        skipped++;
        continue;
      }
      if (input.operation === "resend") {
        if (await renewInvitation(tx, { userId, invitedBy: { id: user!.id, name: user!.name }, baseUrl: baseUrl() })) doneIds.push(userId);
        else skipped++;
        continue;
      }
      const [person] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).for("update");
      if (!person || !person.active) {
        skipped++;
        continue;
      }
      if (person.role === "officer" && !(await anotherActiveOfficer(tx, userId))) {
        skipped++;
        continue;
      }
      await tx.update(users).set({ active: false, deactivatedAt: new Date() }).where(eq(users.id, userId));
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      doneIds.push(userId);
    }
    // One audit record per person, as if each had been changed on its own.
    if (doneIds.length) {
      await tx.insert(auditLog).values(doneIds.map((id) => ({ actorId: user!.id, action: "users.bulk", targetType: "user", targetId: id, data: { operation: input.operation } })));
    }
    return { data: { done: doneIds.length, skipped }, audit: null };
  },
  revalidate: ["/admin/users", "/admin/registry"],
});
