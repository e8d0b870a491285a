import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/data-table";
import { MagicLinkForm, PasswordForm } from "@/components/auth/sign-in-forms";
import { getCurrentUser } from "@/server/auth/session";
import { listDemoAccounts } from "@/server/auth/demo";
import { safeRedirectPath } from "@/server/auth/redirect";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

type Search = { error?: string | string[]; callbackUrl?: string | string[]; email?: string | string[]; invited?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const error = first(search.error);
  // Same-origin targets only, so the sign-in page cannot be used to send people elsewhere.
  const target = safeRedirectPath(first(search.callbackUrl), process.env.NEXTAUTH_URL ?? "http://localhost:3000");
  if (await getCurrentUser()) redirect(target);
  const t = await getTranslations("signIn");
  const tr = await getTranslations("roles");
  const demo = await listDemoAccounts();
  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {first(search.invited) === "1" && !error && (
        <p className="success" role="status">
          {t("invited")}
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
          {error === "Verification" ? t("linkInvalid") : t("failed")}
        </p>
      )}
      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading">{t("passwordHeading")}</h2>
        <PasswordForm callbackUrl={target} email={first(search.email)} />
      </section>
      <section aria-labelledby="magic-heading" className="card">
        <h2 id="magic-heading">{t("magicHeading")}</h2>
        <p>{t("magicIntro")}</p>
        <MagicLinkForm callbackUrl={target} />
      </section>
      {demo && (
        <section aria-labelledby="demo-heading" className="card card--demo">
          <h2 id="demo-heading">{t("demoHeading")}</h2>
          <p>{t("demoIntro", { password: demo.password })}</p>
          <ScrollRegion label={t("demoTable")}>
            <table>
              <caption className="visually-hidden">{t("demoHeading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("demoName")}</th>
                  <th scope="col">{t("demoRole")}</th>
                  <th scope="col">{t("email")}</th>
                </tr>
              </thead>
              <tbody>
                {demo.accounts.map((a) => (
                  <tr key={a.email}>
                    <td>{a.name}</td>
                    <td>{tr(a.role)}</td>
                    <td>
                      <code>{a.email}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      )}
    </div>
  );
}
