"use server";
import { and, eq, gt, isNull } from "drizzle-orm";
import { invitations, organisations, sessions, stakeholderGroups, users } from "@/db/schema";
import { defineAction } from "../actions/define";
import { ActionError } from "../actions/result";
import { hashPassword } from "../auth/password";
import { enqueueMail } from "../mail/outbox";
import { invitationMail } from "../mail/templates";
import { acceptInvitationInput, inviteInput, profileInput, setActiveInput, setRoleInput } from "./inputs";
import { emailIs } from "./email";
import { hashToken, newToken } from "./tokens";

const INVITATION_DAYS = 14;

export const updateProfile = defineAction("profile.update", {
  input: profileInput,
  resource: async ({ user }) => ({ userId: user?.id ?? "" }),
  run: async ({ tx, input, user }) => {
    const id = user!.id;
    await tx.update(users).set({ name: input.name, displayMode: input.displayMode }).where(eq(users.id, id));
    return { data: null, audit: { targetType: "user", targetId: id, data: { displayMode: input.displayMode } } };
  },
  revalidate: ["/account"],
});

export const inviteUser = defineAction("user.invite", {
  input: inviteInput,
  resource: async () => null,
  run: async ({ tx, input, user }) => {
    const [group] = await tx.select({ id: stakeholderGroups.id, key: stakeholderGroups.key }).from(stakeholderGroups).where(eq(stakeholderGroups.id, input.groupId));
    if (!group) throw new ActionError("invalid", "invalid", { groupId: "unknown" });
    if (input.role === "council" && group.key !== "kreistag") throw new ActionError("invalid", "councilGroup", { groupId: "kreistag" });
    if (input.organisationId) {
      const [org] = await tx.select({ groupId: organisations.groupId }).from(organisations).where(eq(organisations.id, input.organisationId));
      if (!org || org.groupId !== group.id) throw new ActionError("invalid", "organisationGroup", { organisationId: "group" });
    }
    const [existing] = await tx.select({ id: users.id }).from(users).where(emailIs(input.email));
    if (existing) throw new ActionError("conflict", "emailTaken", { email: "taken" });
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, groupId: group.id, organisationId: input.organisationId ?? null })
      .returning({ id: users.id, locale: users.locale });
    const token = newToken();
    await tx.insert(invitations).values({
      userId: created!.id,
      tokenHash: hashToken(token),
      invitedBy: user!.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    const url = `${process.env.NEXTAUTH_URL}/invitation/${token}`;
    await enqueueMail(tx, invitationMail({ to: input.email, url, name: input.name, inviter: user!.name, locale: created!.locale }));
    return { data: { userId: created!.id }, audit: { targetType: "user", targetId: created!.id, data: { role: input.role } } };
  },
  revalidate: ["/admin/users"],
});

/** Deactivating ends the person's sessions at their next request; their contributions stay. */
export const setUserActive = defineAction("user.setActive", {
  input: setActiveInput,
  resource: async ({ input }) => ({ userId: input.userId }),
  run: async ({ tx, input }) => {
    const [row] = await tx
      .update(users)
      .set({ active: input.active, deactivatedAt: input.active ? null : new Date() })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id });
    if (!row) throw new ActionError("not_found");
    if (!input.active) await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    return { data: null, audit: { targetType: "user", targetId: input.userId, data: { active: input.active } } };
  },
  revalidate: ["/admin/users"],
});

export const setUserRole = defineAction("user.setRole", {
  input: setRoleInput,
  resource: async ({ input }) => ({ userId: input.userId }),
  run: async ({ tx, input }) => {
    const [current] = await tx
      .select({ role: users.role, groupKey: stakeholderGroups.key })
      .from(users)
      .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, users.groupId))
      .where(eq(users.id, input.userId));
    if (!current) throw new ActionError("not_found");
    if (input.role === "council" && current.groupKey !== "kreistag") throw new ActionError("invalid", "councilGroup", { role: "kreistag" });
    if (current.role === input.role) return { data: null, audit: null };
    await tx.update(users).set({ role: input.role }).where(eq(users.id, input.userId));
    // A new role takes effect with a new sign-in.
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    return { data: null, audit: { targetType: "user", targetId: input.userId, data: { from: current.role, to: input.role } } };
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
      .where(and(eq(invitations.tokenHash, hashToken(input.token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date()), eq(users.active, true)))
      .for("update");
    if (!invitation) throw new ActionError("not_found", "invitationInvalid");
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await tx.update(users).set({ passwordHash: await hashPassword(input.password), emailVerifiedAt: new Date() }).where(eq(users.id, invitation.userId));
    return { data: null, audit: { targetType: "user", targetId: invitation.userId, data: {} } };
  },
});
