import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { municipalities, organisations, stakeholderGroups } from "@/db/schema";

/** Invited, accepted and taken part, per group and per organisation, as counts. */
export type Participation = { invited: number; accepted: number; tookPart: number };

/**
 * The registry: every group with its organisations, each with who is invited (every account),
 * who accepted (has set a password) and who has taken part (wrote a contribution or voted).
 */
export async function registryOverview(db: DbOrTx) {
  const counts = await db.execute<{ group_id: string; organisation_id: string | null; invited: number; accepted: number; took_part: number }>(sql`
    select u.group_id, u.organisation_id,
      count(*)::int as invited,
      count(*) filter (where u.password_hash is not null)::int as accepted,
      count(*) filter (where exists (select 1 from feedback f where f.author_id = u.id) or exists (select 1 from votes v where v.user_id = u.id))::int as took_part
    from users u
    group by u.group_id, u.organisation_id`);
  const rows = Array.isArray(counts) ? counts : ((counts as unknown as { rows: typeof counts }).rows ?? []);
  const [groups, orgs] = await Promise.all([
    db.select({ id: stakeholderGroups.id, key: stakeholderGroups.key, nameDe: stakeholderGroups.nameDe, nameEn: stakeholderGroups.nameEn }).from(stakeholderGroups).orderBy(asc(stakeholderGroups.position)),
    db
      .select({ id: organisations.id, name: organisations.name, groupId: organisations.groupId, municipalityId: organisations.municipalityId, municipality: municipalities.name })
      .from(organisations)
      .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .orderBy(asc(organisations.name)),
  ]);
  const sum = (filter: (r: (typeof rows)[number]) => boolean): Participation =>
    rows.filter(filter).reduce((a, r) => ({ invited: a.invited + Number(r.invited), accepted: a.accepted + Number(r.accepted), tookPart: a.tookPart + Number(r.took_part) }), { invited: 0, accepted: 0, tookPart: 0 });
  return groups.map((g) => ({
    ...g,
    participation: sum((r) => r.group_id === g.id),
    withoutOrganisation: sum((r) => r.group_id === g.id && r.organisation_id === null),
    organisations: orgs.filter((o) => o.groupId === g.id).map((o) => ({ ...o, participation: sum((r) => r.organisation_id === o.id) })),
  }));
}

export async function listMunicipalities(db: DbOrTx) {
  return db.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.name));
}
