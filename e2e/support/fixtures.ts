import { test as base, expect, type Browser, type BrowserContext, type ConsoleMessage } from "@playwright/test";

/**
 * The suite's `test`: every browser context a spec opens (the default page's and those from
 * `browser.newContext()` in the actor helpers) reports Content-Security-Policy violations from the
 * browser console, and a test that caused one fails. Specs import `test` and `expect` from here.
 */
const violations: string[] = [];
const watched = new WeakSet<BrowserContext>();

function watch(context: BrowserContext) {
  if (watched.has(context)) return;
  watched.add(context);
  context.on("console", (msg: ConsoleMessage) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) violations.push(`${msg.location().url}: ${text}`);
  });
}

const patched = new WeakSet<Browser>();

export const test = base.extend<{ cspWatch: void }, { cspBrowser: void }>({
  cspBrowser: [
    async ({ browser }, use) => {
      if (!patched.has(browser)) {
        patched.add(browser);
        const newContext = browser.newContext.bind(browser);
        browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
          const context = await newContext(...args);
          watch(context);
          return context;
        };
      }
      await use();
    },
    { scope: "worker", auto: true },
  ],
  cspWatch: [
    async ({ context }, use, testInfo) => {
      watch(context);
      violations.length = 0;
      await use();
      // A test that expects a violation (the injected-script check) clears the list itself.
      if (testInfo.status === testInfo.expectedStatus) expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
      violations.length = 0;
    },
    { auto: true },
  ],
});

/** Violations seen so far in this test (for the spec that provokes one on purpose); clears the list. */
export function takeCspViolations(): string[] {
  return violations.splice(0, violations.length);
}

export { expect };
export type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
