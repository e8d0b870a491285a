import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

export const dynamic = "force-dynamic";

/**
 * The benchmark's shell page (issue 9): a trivial page inside the root layout (header, session,
 * messages, CSP nonce), compared with a bare Next page. Only a server started with PLANWERK_BENCH=1
 * answers it; everywhere else it does not exist.
 */
export default async function BenchShellPage() {
  if (process.env.PLANWERK_BENCH !== "1") notFound();
  const t = await getTranslations("bench");
  return (
    <div className="page">
      <h1>{t("shellTitle")}</h1>
      <p>{t("shellText")}</p>
    </div>
  );
}
