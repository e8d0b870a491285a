/**
 * Results by stakeholder group that never identify a person. A group's figures are shown only when
 * at least `minGroupSize` people of it voted; the others are pooled as "weitere Gruppen". While
 * that pool holds fewer than `minGroupSize` voters, the smallest shown group joins it, so that the
 * total minus the shown groups (which is the pool) never reveals a small group either.
 *
 * The one rule for every result by group, now and in later reports: callers hand in raw counts
 * per group and choice and show only what comes back.
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** The setting PLANWERK_MIN_GROUP_SIZE (a whole number ≥ 2), else 5. */
export function minGroupSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PLANWERK_MIN_GROUP_SIZE;
  if (raw === undefined || raw.trim() === "") return DEFAULT_MIN_GROUP_SIZE;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2 ? n : DEFAULT_MIN_GROUP_SIZE;
}

export type Counts<C extends string> = Record<C, number> & { voters: number };
export type GroupCount<C extends string> = { groupId: string; choice: C; n: number };
export type GroupResult<C extends string> = { groupId: string } & Counts<C>;
export type PrivateResults<C extends string> = {
  total: Counts<C>;
  /** Groups with enough voters, largest first. */
  groups: GroupResult<C>[];
  /** Everyone else together, or null when nobody is left over. Never fewer than minGroupSize voters unless it is everyone. */
  pooled: Counts<C> | null;
};

const empty = <C extends string>(choices: readonly C[]): Counts<C> => Object.assign(Object.fromEntries(choices.map((c) => [c, 0])), { voters: 0 }) as Counts<C>;

function add<C extends string>(into: Counts<C>, from: Counts<C>, choices: readonly C[]) {
  for (const c of choices) (into as Record<string, number>)[c] = (into[c] as number) + (from[c] as number);
  into.voters += from.voters;
}

/**
 * `rows`: how many people of each group chose each option (one choice per person, so a group's
 * voters are the sum of its rows). `order` breaks ties between groups of equal size (e.g. the
 * groups' display order), so the outcome never depends on the order of the rows.
 */
export function resultsByGroup<C extends string>(
  rows: GroupCount<C>[],
  { choices, minSize = minGroupSize(), order = [] }: { choices: readonly C[]; minSize?: number; order?: string[] },
): PrivateResults<C> {
  const byGroup = new Map<string, Counts<C>>();
  for (const r of rows) {
    if (r.n <= 0 || !choices.includes(r.choice)) continue;
    const g = byGroup.get(r.groupId) ?? empty(choices);
    (g as Record<string, number>)[r.choice] = (g[r.choice] as number) + r.n;
    g.voters += r.n;
    byGroup.set(r.groupId, g);
  }
  const total = empty(choices);
  for (const g of byGroup.values()) add(total, g, choices);

  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i === -1 ? order.length : i;
  };
  // Largest first; among equals the earlier group in `order`, then the id (stable whatever the input order).
  const all = [...byGroup.entries()]
    .map(([groupId, c]) => ({ groupId, ...c }) as GroupResult<C>)
    .sort((a, b) => b.voters - a.voters || rank(a.groupId) - rank(b.groupId) || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  const shown = all.filter((g) => g.voters >= minSize);
  const pool = empty(choices);
  for (const g of all) if (g.voters < minSize) add(pool, g, choices);
  // A pool of 1..minSize-1 voters would be one small group's figures by subtraction: the smallest shown group joins it.
  while (pool.voters > 0 && pool.voters < minSize && shown.length > 0) {
    const smallest = shown.pop()!;
    add(pool, smallest, choices);
  }
  return { total, groups: shown, pooled: pool.voters > 0 ? pool : null };
}
