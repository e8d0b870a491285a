import crypto from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WindowNotice } from "@/components/participation/window-notice";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { requirePage } from "@/server/auth/guards";
import { actorOf, can } from "@/server/permissions";
import { loadReadableEdition } from "@/server/plans/access";
import { getOutline } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ editionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { edition } = await loadReadableEdition((await params).editionId);
  const t = await getTranslations("proposals");
  const te = await getTranslations("editions");
  return { title: `${t("newTitle")} · ${te("shortTitle", { year: edition.year })}` };
}

export default async function NewProposalPage({ params, searchParams }: Props) {
  const { editionId } = await params;
  const chapterKey = (await searchParams).chapter;
  const { db, edition } = await loadReadableEdition(editionId);
  const user = await requirePage("feedback.read", edition, `/editions/${editionId}/proposals/new`);
  const outline = await getOutline(db, { editionId });
  const chapter = outline.find((c) => c.key === chapterKey) ?? null;
  const t = await getTranslations("proposals");
  const te = await getTranslations("editions");
  const mayPropose = can(actorOf(user), "proposal.create", { edition });
  return (
    <div className="page page--narrow">
      <nav aria-label={te("breadcrumb")} className="breadcrumb">
        <Link href={`/editions/${edition.id}`} lang="de">
          {edition.title}
        </Link>{" "}
        › <Link href={`/editions/${edition.id}/proposals`}>{t("title")}</Link>
      </nav>
      <h1>{t("newTitle")}</h1>
      <WindowNotice edition={edition} />
      {mayPropose ? (
        <>
          <p>{t("newIntro")}</p>
          <ProposalForm
            mode="create"
            editionId={edition.id}
            // A new key with every rendering of the form: one submission, one proposal.
            submissionKey={crypto.randomBytes(16).toString("base64url")}
            chapters={outline.map((c) => ({ id: c.id, label: `${c.number} ${c.title}` }))}
            chapterId={chapter?.id ?? null}
          />
        </>
      ) : (
        <p>{t("newClosed")}</p>
      )}
    </div>
  );
}
