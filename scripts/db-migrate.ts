import { openForScript } from "./lib-db";

async function main() {
  const handle = await openForScript();
  try {
    await handle.migrate();
    console.log(`Migrated the ${handle.driver === "postgres" ? "PostgreSQL" : "embedded"} database.`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
