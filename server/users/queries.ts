import "server-only";
import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, municipalities, organisations, stakeholderGroups, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import type { PersonState } from "./person-states";
import { openInvitationWhere } from "./invitations";

export type InvitationMailState = "waiting" | "sent" | "failed";
/** The latest invitation of a person who has not accepted: open, withdrawn or past its 14 days. */
export type InvitationState = "open" | "revoked" | "expired";

export const PEOPLE_PAGE_SIZE = 50;
export { personStates, type PersonState } from "./person-states";
export type PeopleFilter = { q?: string; role?: Role; groupId?: string; organisationId?: string; municipalityId?: string; state?: PersonState; page?: number };

function peopleWhere(f: PeopleFilter): SQL | undefined {
  const q = f.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    like ? or(ilike(users.name, like), ilike(users.email, like)) : undefined,
    f.role ? eq(users.role, f.role) : undefined,
    f.groupId ? eq(users.groupId, f.groupId) : undefined,
    f.organisationId ? eq(users.organisationId, f.organisationId) : undefined,
    f.municipalityId ? eq(users.municipalityId, f.municipalityId) : undefined,
    f.state === "inactive" ? eq(users.active, false) : undefined,
    f.state === "active" ? and(eq(users.active, true), isNotNull(users.passwordHash)) : undefined,
    f.state === "invited" ? and(eq(users.active, true), isNull(users.passwordHash)) : undefined,
  );
}

/** One page of people matching the filter, and how many match in all. */
export async function listPeople(db: DbOrTx, filter: PeopleFilter) {
  const where = peopleWhere(filter);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const pages = Math.max(1, Math.ceil((total?.n ?? 0) / PEOPLE_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const rows = await db
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
      municipality: municipalities.name,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      invitationMail: sql<InvitationMailState | null>`(
        select case when m.sent_at is not null then 'sent' when m.failed_at is not null then 'failed' else 'waiting' end
        from mail_outbox m where m.kind = 'invitation' and lower(m.to_address) = lower(${users.email})
        order by m.created_at desc limit 1)`,
      invitation: sql<InvitationState | null>`(
        select case when i.revoked_at is not null then 'revoked' when i.expires_at <= now() then 'expired' else 'open' end
        from invitations i where i.user_id = ${users.id} and i.accepted_at is null
        order by i.created_at desc limit 1)`,
    })
    .from(users)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, users.groupId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE);
  return { rows, total: total?.n ?? 0, page, pages };
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
