import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_GROUP_SIZE, minGroupSize, resultsByGroup, type GroupCount, type PrivateResults } from "@/server/results/by-group";

const choices = ["for", "against", "abstain"] as const;
type C = (typeof choices)[number];

/** A small deterministic generator, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function randomRows(seed: number): GroupCount<C>[] {
  const r = rng(seed);
  const groups = 1 + Math.floor(r() * 7);
  const rows: GroupCount<C>[] = [];
  for (let g = 0; g < groups; g++) {
    // Many groups small (1–4), some empty, some large.
    const size = r() < 0.5 ? Math.floor(r() * 5) : Math.floor(r() * 40);
    const counts = { for: 0, against: 0, abstain: 0 };
    for (let i = 0; i < size; i++) counts[choices[Math.floor(r() * 3)]!]++;
    for (const c of choices) if (counts[c] > 0) rows.push({ groupId: `g${g}`, choice: c, n: counts[c] });
  }
  return rows.sort(() => r() - 0.5);
}

const votersOf = (rows: GroupCount<C>[]) => {
  const m = new Map<string, number>();
  for (const row of rows) m.set(row.groupId, (m.get(row.groupId) ?? 0) + row.n);
  return m;
};

/** Every figure the page can show: the total, the shown groups, and what the total minus any set of shown groups leaves. */
function assertPrivate(rows: GroupCount<C>[], res: PrivateResults<C>, k: number) {
  const voters = votersOf(rows);
  const total = [...voters.values()].reduce((a, b) => a + b, 0);
  expect(res.total.voters).toBe(total);
  for (const c of choices) expect(res.total[c]).toBe(rows.filter((r) => r.choice === c).reduce((a, r) => a + r.n, 0));
  // Shown groups have at least k voters and their true figures.
  for (const g of res.groups) {
    expect(g.voters).toBeGreaterThanOrEqual(k);
    expect(g.voters).toBe(voters.get(g.groupId));
    for (const c of choices) expect(g[c]).toBe(rows.find((r) => r.groupId === g.groupId && r.choice === c)?.n ?? 0);
  }
  // No small group is ever shown.
  for (const [id, n] of voters) if (n < k) expect(res.groups.map((g) => g.groupId)).not.toContain(id);
  // Total minus the shown groups is exactly the pool, and the pool is never a small number of people:
  // it has at least k voters, or it is everyone (no group shown), so nothing smaller can be derived.
  const rest = total - res.groups.reduce((a, g) => a + g.voters, 0);
  expect(res.pooled?.voters ?? 0).toBe(rest);
  for (const c of choices) expect(res.pooled?.[c] ?? 0).toBe(res.total[c] - res.groups.reduce((a, g) => a + g[c], 0));
  if (res.pooled) expect(res.pooled.voters >= k || res.groups.length === 0).toBe(true);
  // The pool, when it holds a small group, always holds more than that group alone.
  if (res.pooled && res.groups.length > 0) {
    const pooledGroups = [...voters.keys()].filter((id) => !res.groups.some((g) => g.groupId === id));
    expect(pooledGroups.length).toBeGreaterThanOrEqual(2);
  }
}

describe("results by group never identify a person", () => {
  it("hide a group of 1–4 voters and pool it so that subtraction reveals nothing", () => {
    const rows: GroupCount<C>[] = [
      { groupId: "kommunen", choice: "for", n: 6 },
      { groupId: "kommunen", choice: "against", n: 2 },
      { groupId: "traeger", choice: "for", n: 5 },
      { groupId: "kreistag", choice: "against", n: 3 },
    ];
    const res = resultsByGroup(rows, { choices, minSize: 5 });
    // Kreistag (3) alone would be total − Kommunen − Träger: Träger (5, the smallest shown) joins the pool.
    expect(res.groups.map((g) => g.groupId)).toEqual(["kommunen"]);
    expect(res.pooled).toEqual({ for: 5, against: 3, abstain: 0, voters: 8 });
    expect(res.total).toEqual({ for: 11, against: 5, abstain: 0, voters: 16 });
    assertPrivate(rows, res, 5);
  });

  it("pool several small groups without moving a shown group when together they reach the minimum", () => {
    const rows: GroupCount<C>[] = [
      { groupId: "a", choice: "for", n: 9 },
      { groupId: "b", choice: "against", n: 3 },
      { groupId: "c", choice: "abstain", n: 2 },
    ];
    const res = resultsByGroup(rows, { choices, minSize: 5 });
    expect(res.groups.map((g) => g.groupId)).toEqual(["a"]);
    expect(res.pooled).toEqual({ for: 0, against: 3, abstain: 2, voters: 5 });
  });

  it("show no group at all when nobody reaches the minimum, and no pool when every group does", () => {
    const small = resultsByGroup([{ groupId: "a", choice: "for", n: 4 }], { choices, minSize: 5 });
    expect(small.groups).toEqual([]);
    expect(small.pooled).toEqual({ for: 4, against: 0, abstain: 0, voters: 4 });
    const big = resultsByGroup(
      [
        { groupId: "a", choice: "for", n: 5 },
        { groupId: "b", choice: "against", n: 7 },
      ],
      { choices, minSize: 5 },
    );
    expect(big.groups.map((g) => g.groupId)).toEqual(["b", "a"]);
    expect(big.pooled).toBeNull();
    expect(resultsByGroup([], { choices, minSize: 5 })).toEqual({ total: { for: 0, against: 0, abstain: 0, voters: 0 }, groups: [], pooled: null });
  });

  it("do not depend on the order of the rows; ties go by the groups' display order", () => {
    const rows: GroupCount<C>[] = [
      { groupId: "x", choice: "for", n: 5 },
      { groupId: "y", choice: "for", n: 5 },
      { groupId: "z", choice: "against", n: 1 },
    ];
    const a = resultsByGroup(rows, { choices, minSize: 5, order: ["y", "x", "z"] });
    const b = resultsByGroup([...rows].reverse(), { choices, minSize: 5, order: ["y", "x", "z"] });
    expect(a).toEqual(b);
    // x is last in display order among equals, so x joins the pool.
    expect(a.groups.map((g) => g.groupId)).toEqual(["y"]);
  });

  it("hold over 5,000 random distributions and minimums from 2 to 10", () => {
    for (let seed = 1; seed <= 5000; seed++) {
      const rows = randomRows(seed);
      const k = 2 + (seed % 9);
      assertPrivate(rows, resultsByGroup(rows, { choices, minSize: k }), k);
    }
  });

  it("read the minimum from PLANWERK_MIN_GROUP_SIZE, 5 by default, never below 2", () => {
    expect(minGroupSize({})).toBe(DEFAULT_MIN_GROUP_SIZE);
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(minGroupSize({ PLANWERK_MIN_GROUP_SIZE: "7" })).toBe(7);
    expect(minGroupSize({ PLANWERK_MIN_GROUP_SIZE: "1" })).toBe(5);
    expect(minGroupSize({ PLANWERK_MIN_GROUP_SIZE: "abc" })).toBe(5);
  });
});
