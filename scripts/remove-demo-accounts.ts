/**
 * Deletes the demo accounts (users.is_demo) from the configured database: `npm run db:remove-demo`.
 * For a database that was once served in demo mode and now runs for real. Contributions of these
 * accounts stay: an account with contributions, votes or plan text cannot be deleted and is deactivated instead. Refuses an embedded database that a running server holds.
 */
import { countDemoAccounts, removeDemoAccounts } from "../server/auth/demo-accounts";
import { openForScript } from "./lib-db";

async function main() {
  const handle = await openForScript();
  try {
    if ((await countDemoAccounts(handle.db)) === 0) {
      console.log("There are no demo accounts: nothing removed.");
      return;
    }
    const { deleted, deactivated } = await removeDemoAccounts(handle.db);
    if (deleted.length) console.log(`Deleted ${deleted.length} demo account(s): ${deleted.join(", ")}.`);
    if (deactivated.length) console.log(`Deactivated ${deactivated.length} demo account(s) with contributions, votes or plan text (kept as authors, password removed): ${deactivated.join(", ")}.`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
