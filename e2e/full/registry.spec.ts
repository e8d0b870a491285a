import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { auditLog, organisations } from "@/db/schema";
import { expect, test, type Page } from "../support/fixtures";
import { signedIn } from "../support/actors";
import { createUser, db } from "../support/factories";
import { createSectionComment, engagementEdition } from "../support/engagement-factories";
import { createInvitedPerson, createOrganisation } from "../support/people-factories";

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the officer adds a group and an organisation with its municipality, renames and deletes it; axe finds nothing", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const page = officer.page;
  const tag = `${Date.now()}`;
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await nav.getByRole("button", { name: "Verwaltung" }).click();
  await nav.getByRole("link", { name: "Gruppen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Beteiligte Gruppen und Organisationen" })).toBeVisible();
  await axe(page);

  const newGroup = page.getByRole("region", { name: "Neue Gruppe" });
  await newGroup.getByLabel("Name (deutsch)").fill(`Sportvereine ${tag}`);
  await newGroup.getByLabel("Name (englisch)").fill(`Sports clubs ${tag}`);
  await newGroup.getByRole("button", { name: "Gruppe anlegen" }).click();
  await expect(newGroup.getByRole("status")).toHaveText(`Die Gruppe Sportvereine ${tag} ist angelegt.`);
  await expect(page.getByRole("heading", { level: 2, name: `Sportvereine ${tag}` })).toBeVisible();

  const newOrg = page.getByRole("region", { name: "Neue Organisation" });
  await newOrg.getByLabel("Name der Organisation").fill(`Elternverein Süßen ${tag}`);
  await newOrg.getByLabel("Gruppe").selectOption({ label: "Freie Träger und Verbände" });
  await newOrg.getByLabel("Gemeinde").selectOption({ label: "Süßen" });
  await newOrg.getByRole("button", { name: "Organisation anlegen" }).click();
  await expect(newOrg.getByRole("status")).toHaveText(`Die Organisation Elternverein Süßen ${tag} ist angelegt.`);
  const section = page.getByRole("region", { name: "Freie Träger und Verbände" });
  const row = section.getByRole("row", { name: new RegExp(`Elternverein Süßen ${tag}`) });
  await expect(row).toContainText("Süßen");

  // The same name twice in one group is refused beside the field.
  await newOrg.getByLabel("Name der Organisation").fill(`elternverein süßen ${tag}`);
  await newOrg.getByLabel("Gruppe").selectOption({ label: "Freie Träger und Verbände" });
  await newOrg.getByRole("button", { name: "Organisation anlegen" }).click();
  await expect(newOrg.getByLabel("Name der Organisation")).toHaveAccessibleDescription(/Das ist schon vergeben\./);

  await row.getByRole("button", { name: `Elternverein Süßen ${tag} ändern` }).click();
  const dialog = page.getByRole("dialog", { name: `Elternverein Süßen ${tag} ändern` });
  await dialog.getByLabel("Name der Organisation").fill(`Elternverein Salach ${tag}`);
  await dialog.getByLabel("Gemeinde").selectOption({ label: "Salach" });
  await axe(page);
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(dialog).toBeHidden();
  const renamed = section.getByRole("row", { name: new RegExp(`Elternverein Salach ${tag}`) });
  await expect(renamed.getByRole("status")).toHaveText(`Die Organisation Elternverein Salach ${tag} ist gespeichert.`);
  await expect(renamed).toContainText("Salach");

  await renamed.getByRole("button", { name: `Elternverein Salach ${tag} löschen` }).click();
  await page.getByRole("dialog", { name: `Elternverein Salach ${tag} löschen?` }).getByRole("button", { name: "Löschen" }).click();
  await expect(section.getByRole("row", { name: new RegExp(`Elternverein Salach ${tag}`) })).toHaveCount(0);
  expect(await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.name, `Elternverein Salach ${tag}`))).toEqual([]);
  const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, officer.user.id));
  expect(audit.map((a) => a.action).filter((a) => /^(group|organisation)\./.test(a)).sort()).toEqual(["group.save", "organisation.delete", "organisation.save", "organisation.save"]);
  await officer.context.close();
});

test("an organisation people belong to is not deleted, with the reason beside it; the counts show invited, accepted and taken part", async ({ browser }) => {
  const org = await createOrganisation({ group: "traeger" });
  const member = await createUser({ role: "stakeholder", organisationKey: org.key });
  await createUser({ role: "stakeholder", organisationKey: org.key });
  // Invited into the group without an organisation: counted for the group only.
  await createInvitedPerson({ group: "traeger" });
  const edition = await engagementEdition("open");
  await createSectionComment({ editionId: edition.id, sectionId: edition.sectionId, authorId: member.id, body: "Mehr Sprachkurse am Abend." });

  const officer = await signedIn(browser, "officer");
  const page = officer.page;
  await page.goto("/admin/registry");
  const row = page.getByRole("region", { name: "Freie Träger und Verbände" }).getByRole("row", { name: new RegExp(org.name) });
  // Invited 2 (both accounts), accepted 2 (both have a password), taken part 1 (one comment).
  await expect(row.getByRole("cell")).toHaveText(["2", "2", "1", /Ändern/]);
  await row.getByRole("button", { name: `${org.name} löschen` }).click();
  await page.getByRole("dialog", { name: `${org.name} löschen?` }).getByRole("button", { name: "Löschen" }).click();
  await expect(row.getByRole("status")).toHaveText("Diese Organisation kann nicht gelöscht werden: Ihr gehören Personen an, oder Beiträge oder Stimmen nennen sie.");
  expect(await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.id, org.id))).toHaveLength(1);
  await officer.context.close();
});

test("stakeholders and council members cannot open the registry", async ({ browser }) => {
  for (const role of ["stakeholder", "council"] as const) {
    const person = await signedIn(browser, role);
    expect((await person.page.goto("/admin/registry"))?.status()).toBe(404);
    await expect(person.page.getByRole("link", { name: "Gruppen" })).toHaveCount(0);
    await person.context.close();
  }
});
