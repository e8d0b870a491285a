import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { AcceptInvitationForm } from "@/components/users/accept-invitation-form";
import { findOpenInvitation } from "@/server/users/queries";
import { tokenPattern } from "@/server/users/tokens";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("invitation");
  return { title: t("title") };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("invitation");
  const invitation = tokenPattern.test(token) ? await findOpenInvitation(await getDatabase(), { token }) : null;
  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      {invitation ? (
        <>
          <p>{t("intro", { name: invitation.name, email: invitation.email })}</p>
          <AcceptInvitationForm token={token} email={invitation.email} />
        </>
      ) : (
        <p className="alert">{t("invalid")}</p>
      )}
    </div>
  );
}
