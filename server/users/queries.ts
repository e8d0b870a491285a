import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, organisations, stakeholderGroups, users } from "@/db/schema";
import { openInvitationWhere } from "./invitations";

export type InvitationMailState = "waiting" | "sent" | "failed";

export async function listUsers(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      groupId: users.groupId,
      organisationId: users.organisationId,
      groupNameDe: stakeholderGroups.nameDe,
      groupNameEn: stakeholderGroups.nameEn,
      organisation: organisations.name,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      // The state of the latest invitation mail to the person, for those who have not accepted yet.
      invitationMail: sql<InvitationMailState | null>`(
        select case when m.sent_at is not null then 'sent' when m.failed_at is not null then 'failed' else 'waiting' end
        from mail_outbox m where m.kind = 'invitation' and lower(m.to_address) = lower(${users.email})
        order by m.created_at desc limit 1)`,
    })
    .from(users)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, users.groupId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(stakeholderGroups.position), asc(users.name));
}

export async function listGroupsWithOrganisations(db: DbOrTx) {
  const groups = await db
    .select({ id: stakeholderGroups.id, key: stakeholderGroups.key, nameDe: stakeholderGroups.nameDe, nameEn: stakeholderGroups.nameEn })
    .from(stakeholderGroups)
    .orderBy(asc(stakeholderGroups.position));
  const orgs = await db.select({ id: organisations.id, name: organisations.name, groupId: organisations.groupId }).from(organisations).orderBy(asc(organisations.name));
  return groups.map((g) => ({ ...g, organisations: orgs.filter((o) => o.groupId === g.id) }));
}

export async function getProfile(db: DbOrTx, { userId }: { userId: string }) {
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      displayMode: users.displayMode,
      groupNameDe: stakeholderGroups.nameDe,
      groupNameEn: stakeholderGroups.nameEn,
      organisation: organisations.name,
    })
    .from(users)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, users.groupId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function findOpenInvitation(db: DbOrTx, { token }: { token: string }) {
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(openInvitationWhere(token));
  return row ?? null;
}
