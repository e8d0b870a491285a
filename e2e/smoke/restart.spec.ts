import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../support/fixtures";
import { demoPassword, demoUsers } from "@/db/seed/content";
import { startApp } from "../support/app-server";
import { freePort } from "../support/ports";

// Its own server on its own embedded folder, so stopping it does not disturb the other specs.
test("a change made through the app survives SIGTERM and a restart, and the seed does not run again", async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-restart-"));
  const port = await freePort();
  const env = {
    // The embedded database, whatever the test run's own environment says.
    DATABASE_URL: undefined,
    SMTP_URL: undefined,
    PLANWERK_DEMO: "1",
    PGLITE_DIR: path.join(dir, "pglite"),
    PLANWERK_DATA_DIR: dir,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: "restart-test-secret-restart-test-secret",
    LOG_LEVEL: "info",
  };
  const user = demoUsers.find((u) => u.role === "stakeholder")!;
  const newName = `${user.name} (umbenannt)`;
  let app = await startApp({ env, port });
  try {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto("/signin");
    const form = page.getByRole("region", { name: "Mit Passwort" });
    await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(user.email);
    await form.getByLabel("Passwort", { exact: true }).fill(demoPassword);
    await form.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    await page.goto("/account");
    await page.getByLabel("Name", { exact: true }).fill(newName);
    await page.getByRole("button", { name: "Speichern", exact: true }).click();
    await expect(page.getByText("Gespeichert.")).toBeVisible();
    await expect(page.getByText(`Angemeldet als ${newName}`)).toBeVisible();

    await app.stop();
    expect(app.log()).toContain("database seeded with the sample plan and demo accounts");
    expect(app.log()).toContain("planwerk ready");
    app = await startApp({ env, port });
    const second = app;
    await expect.poll(() => second.log(), { timeout: 15_000 }).toContain("planwerk ready");
    expect(second.log()).toContain("database already seeded");
    expect(second.log()).not.toContain("database seeded with");

    // Same secret, same session row: the person is still signed in and sees the new name.
    await page.goto("/account");
    await expect(page.getByText(`Angemeldet als ${newName}`)).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Alle Ausgaben" }).getByRole("heading", { level: 3 })).toHaveCount(3);
    await context.close();
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
