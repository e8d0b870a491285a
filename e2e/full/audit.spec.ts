import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { expect, test } from "../support/fixtures";
import { signedIn } from "../support/actors";
import { createEdition, createUser, db } from "../support/factories";

test("the officer filters the audit log by action, target, person and day; ids are shown with names resolved", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const other = await createUser({ role: "officer", name: "Zweite Beauftragte" });
  const edition = await createEdition({ phase: "draft", revisions: [] });
  const person = await createUser({ role: "stakeholder", name: "Protokollierte Person" });
  await db()
    .insert(auditLog)
    .values([
      { actorId: officer.user.id, action: "edition.phase", targetType: "edition", targetId: edition.id, data: { from: "draft", to: "consultation", notified: 3 } },
      { actorId: other.id, action: "user.setRole", targetType: "user", targetId: person.id, data: { from: "stakeholder", to: "council" } },
    ]);
  const page = officer.page;

  await page.goto(`/admin/audit?target=${edition.id}`);
  await expect(page).toHaveTitle(/Protokoll/);
  await expect(page.getByRole("heading", { name: "1 Eintrag" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Phase gewechselt" });
  await expect(row).toHaveCount(1);
  // The log holds ids; the page names the person and the edition for display.
  await expect(row.getByRole("cell").nth(0)).toHaveText(officer.user.name);
  await expect(row).toContainText(edition.title);
  await expect(row).toContainText(edition.id);
  await expect(row).toContainText("to: consultation");
  await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze()
    .then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

  // By person and action through the filter form (GET): the other officer's role change, with the person's name.
  await page.goto("/admin/audit");
  const filters = page.getByRole("search", { name: "Protokoll filtern" });
  await filters.getByLabel("Person").selectOption({ label: "Zweite Beauftragte" });
  await filters.getByLabel("Aktion").selectOption({ label: "Rolle geändert (user.setRole)" });
  await filters.getByRole("button", { name: "Filtern" }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${other.id}`));
  await expect(page.getByRole("heading", { name: "1 Eintrag" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Rolle geändert" })).toContainText("Protokollierte Person");

  // A day with no entries yet: the day after tomorrow.
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/admin/audit?from=${tomorrow}&target=${edition.id}`);
  await expect(page.getByRole("heading", { name: "Keine Einträge" })).toBeVisible();

  // The entries are untouchable at the database.
  await expect(db().update(auditLog).set({ action: "x" }).where(eq(auditLog.targetId, edition.id))).rejects.toThrow();
  await expect(db().delete(auditLog).where(eq(auditLog.targetId, edition.id))).rejects.toThrow();
  await officer.context.close();
});
