import { acquireLock } from "@/db/lock";
import { getHandle, pgliteDir } from "@/db/client";
import { isSeeded, seed } from "@/db/seed";
import { countDemoAccounts, demoAccountsWarning } from "./auth/demo-accounts";
import { EnvironmentError, isDemo, prepareEnvironment } from "./env";
import { log } from "./log";
import { startMailSender } from "./mail/sender";
import { getOperatorConfig, OperatorConfigError } from "./legal/operator";
import { startHousekeeping } from "./security/housekeeping";

/**
 * Runs once per server process (from instrumentation.ts): checks the environment, then on the
 * embedded database takes the folder lock, migrates and — in demo mode, when empty — seeds.
 * A PostgreSQL server is migrated by `npm run db:migrate`, not by each of several instances.
 */
export async function startServer(): Promise<void> {
  try {
    prepareEnvironment();
  } catch (e) {
    if (e instanceof EnvironmentError) {
      log.fatal(e.message);
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  try {
    // A broken operator file (Impressum, Datenschutz) stops the start with the field it names.
    getOperatorConfig();
  } catch (e) {
    if (e instanceof OperatorConfigError) {
      log.fatal(e.message);
      console.error(`Planwerk cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  try {
    if (!process.env.DATABASE_URL) acquireLock(pgliteDir());
    const handle = await getHandle();
    if (handle.driver === "pglite") {
      await handle.migrate();
      log.info({ dir: pgliteDir() }, "embedded database migrated");
    }
    if (isDemo()) {
      if (await isSeeded(handle.db)) {
        log.info("database already seeded");
      } else {
        await seed(handle.db, { demoUsers: true });
        log.info("database seeded with the sample plan and demo accounts");
      }
    }
    if (!isDemo()) {
      const demoAccounts = await countDemoAccounts(handle.db);
      if (demoAccounts > 0) log.warn({ demoAccounts }, demoAccountsWarning(demoAccounts));
    }
    if (process.env.PLANWERK_TEST_CONTROL_PORT) await (await import("./testing/control")).startTestControl();
    startMailSender();
    startHousekeeping();
    log.info({ driver: handle.driver, demo: isDemo() }, "planwerk ready");
  } catch (e) {
    log.fatal({ err: e }, "start-up failed");
    console.error(`Planwerk cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
  const shutdown = async () => {
    const handle = await getHandle();
    await handle.close().catch(() => {});
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
