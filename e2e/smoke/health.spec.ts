import { expect, test } from "../support/fixtures";

test("GET /api/health reports the demo server on the embedded database as ok", async ({ request }) => {
  // The smoke set is the demo as a person starts it: on the embedded database.
  const expectedDriver = "pglite";
  expect(process.env.E2E_DRIVER).toBe(expectedDriver);
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: { status: "ok", driver: expectedDriver } });
});
