import { expect, test } from "../support/fixtures";

test("GET /api/health reports the server and its database as ok", async ({ request }) => {
  const expectedDriver = process.env.E2E_DRIVER;
  expect(expectedDriver, "E2E_DRIVER is set by the global setup").toMatch(/^(postgres|pglite)$/);
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: { status: "ok", driver: expectedDriver } });
});
