import { sql } from "drizzle-orm";
import { expect, test } from "../support/fixtures";
import { sharedActor, type Role } from "../support/actors";
import { createEdition, db } from "../support/factories";

const HOUR = 3_600_000;

/**
 * Who reads which text of an edition in each phase: during consolidation and council review the
 * officer's work in progress is not public; others read the text as it stood when the
 * consultation closed (the council reads the consolidated text in council review).
 */
test("each audience reads the text the phase allows", async ({ browser, page }) => {
  const closesAt = new Date(Date.now() - 24 * HOUR);
  const edition = await createEdition({
    phase: "consultation",
    opensAt: new Date(Date.now() - 30 * 24 * HOUR),
    closesAt,
    revisions: [
      { text: "Text bei Ende der Beteiligung.", at: new Date(closesAt.getTime() - 5 * 24 * HOUR) },
      { text: "Überarbeiteter Text der Beauftragten.", at: new Date(Date.now() - HOUR) },
    ],
  });
  const url = `/editions/${edition.id}/sections/${edition.sectionKey}`;
  const frozen = "Text bei Ende der Beteiligung.";
  const working = "Überarbeiteter Text der Beauftragten.";
  const expected: Record<string, Record<"public" | Role, string | 404>> = {
    draft: { public: 404, stakeholder: 404, council: 404, officer: working },
    consultation: { public: working, stakeholder: working, council: working, officer: working },
    consolidation: { public: frozen, stakeholder: frozen, council: frozen, officer: working },
    council_review: { public: frozen, stakeholder: frozen, council: working, officer: working },
    adopted: { public: working, stakeholder: working, council: working, officer: working },
    superseded: { public: working, stakeholder: working, council: working, officer: working },
  };
  const actors = Object.fromEntries(await Promise.all((["stakeholder", "council", "officer"] as Role[]).map(async (r) => [r, await sharedActor(browser, r)] as const)));
  for (const [phase, byAudience] of Object.entries(expected)) {
    await db().execute(sql`update editions set phase = ${phase} where id = ${edition.id}`);
    for (const [audience, want] of Object.entries(byAudience)) {
      const p = audience === "public" ? page : actors[audience]!.page;
      const res = await p.goto(url);
      const label = `${phase} as ${audience}`;
      if (want === 404) {
        expect(res?.status(), label).toBe(404);
        continue;
      }
      await expect(p.locator("main"), label).toContainText(want);
      await expect(p.locator("main"), label).not.toContainText(want === frozen ? working : frozen);
    }
  }
  for (const a of Object.values(actors)) await a.context.close();
});
