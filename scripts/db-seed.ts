import { isSeeded, seed } from "../db/seed";
import { openForScript } from "./lib-db";

// Demo accounts only in demo mode (PLANWERK_DEMO=1), never otherwise.
async function main() {
  const handle = await openForScript();
  try {
    await handle.migrate();
    if (await isSeeded(handle.db)) {
      console.log("The database already holds editions: nothing seeded.");
    } else {
      await seed(handle.db, { demoUsers: process.env.PLANWERK_DEMO === "1" });
      console.log(`Seeded the sample plan${process.env.PLANWERK_DEMO === "1" ? " and the demo accounts" : ""}.`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
