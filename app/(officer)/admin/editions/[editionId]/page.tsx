import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EditionSettingsForm } from "@/components/editions/settings-form";
import { OutlineEditor } from "@/components/editions/outline-editor";
import { PhaseControl } from "@/components/editions/phase-control";
import { WordImport } from "@/components/editions/word-import";
import { PhaseBadge } from "@/components/plans/phase-badge";
import { Alert } from "@/components/ui/alert";
import { getDatabase } from "@/db/client";
import { requirePage } from "@/server/auth/guards";
import { officerEditionWork } from "@/server/editions/access";
import { getWorkbench } from "@/server/editions/queries";
import { dateToBerlinLocal } from "@/server/editions/time";
import { actorOf, can, phaseTransitions } from "@/server/permissions";
import { getEdition } from "@/server/plans/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ editionId: string }> };

export async function generateMetadata({ params }: Params) {
  const t = await getTranslations("editionsAdmin");
  const edition = await getEdition(await getDatabase(), { editionId: (await params).editionId });
  return { title: edition ? t("workbenchTitle", { title: edition.title }) : t("title") };
}

export default async function EditionWorkbenchPage({ params }: Params) {
  const { editionId } = await params;
  const me = (await requirePage("edition.edit", officerEditionWork, `/admin/editions/${editionId}`))!;
  const db = await getDatabase();
  const edition = await getEdition(db, { editionId });
  if (!edition) notFound();
  const { outline, participants } = await getWorkbench(db, { editionId, officerId: me.id });
  const t = await getTranslations("editionsAdmin");
  const tp = await getTranslations("phases");
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const editable = can(actorOf(me), "edition.edit", edition);
  const next = phaseTransitions[edition.phase] as "consultation" | "consolidation" | "council_review" | undefined;
  const now = new Date();
  const consequences: string[] = [];
  if (next === "consultation" && edition.opensAt && edition.closesAt) {
    consequences.push(t("consequenceNotify", { count: participants }));
    consequences.push(edition.opensAt > now ? t("consequenceOpensLater", { from: when(edition.opensAt), to: when(edition.closesAt) }) : t("consequenceOpensNow", { to: when(edition.closesAt) }));
    consequences.push(t("consequencePublic"));
    consequences.push(t("consequenceLocked"));
  } else if (next === "consolidation") {
    consequences.push(edition.closesAt && edition.closesAt <= now ? t("consequenceEnded", { date: when(edition.closesAt) }) : t("consequenceClosesNow"));
    consequences.push(t("consequenceEditable"));
  } else if (next === "council_review") {
    consequences.push(t("consequenceCouncil"));
    consequences.push(t("consequenceLocked"));
  }
  const windowMissing = next === "consultation" && (!edition.opensAt || !edition.closesAt);
  const windowPast = next === "consultation" && !!edition.closesAt && edition.closesAt <= now;
  const serialised = outline.map((c) => ({ ...c, sections: c.sections.map((s) => ({ ...s, revision: s.revision ? { number: s.revision.number, at: s.revision.at.toISOString() } : null })) }));
  return (
    <div className="page workbench">
      <p>
        <Link href="/admin/editions">{t("backToList")}</Link>
      </p>
      <h1 lang="de">{edition.title}</h1>
      <dl className="facts">
        <dt>{t("phase")}</dt>
        <dd>
          <PhaseBadge phase={edition.phase} />
        </dd>
        <dt>{t("window")}</dt>
        <dd>{edition.opensAt && edition.closesAt ? t("windowValue", { from: when(edition.opensAt), to: when(edition.closesAt) }) : t("windowNotSet")}</dd>
      </dl>
      <p>
        <Link href={`/editions/${edition.id}`}>{t("readerView")}</Link>
      </p>
      {!editable && <Alert tone="info">{t("readOnly", { phase: tp(edition.phase) })}</Alert>}

      <section aria-labelledby="phase-heading" className="card">
        <h2 id="phase-heading">{t("phaseHeading")}</h2>
        {!next ? (
          <p>{t("phaseNone")}</p>
        ) : windowMissing ? (
          <p>{t("phaseNeedsWindow")}</p>
        ) : windowPast ? (
          <p>{t("phaseWindowPast")}</p>
        ) : (
          <PhaseControl editionId={edition.id} to={next} label={t(`phaseTo.${next}`)} consequences={consequences} />
        )}
      </section>

      {editable && (
        <section aria-labelledby="settings-heading" className="card">
          <h2 id="settings-heading">{t("settingsHeading")}</h2>
          <EditionSettingsForm
            editionId={edition.id}
            title={edition.title}
            opensAt={dateToBerlinLocal(edition.opensAt)}
            closesAt={dateToBerlinLocal(edition.closesAt)}
            windowEditable={edition.phase === "draft"}
          />
        </section>
      )}

      <section aria-labelledby="outline-heading">
        <h2 id="outline-heading">{t("outlineHeading")}</h2>
        <OutlineEditor editionId={edition.id} outline={serialised} editable={editable} locale={locale} />
      </section>

      {editable && (
        <section aria-labelledby="word-heading" className="card">
          <h2 id="word-heading">{t("wordHeading")}</h2>
          <p>{t("wordIntro")}</p>
          <WordImport
            editionId={edition.id}
            chapters={outline.map((c) => ({ key: c.key, label: `${c.number} ${c.title}` }))}
            sectionsByChapter={Object.fromEntries(outline.map((c) => [c.key, c.sections.map((s) => ({ key: s.key, label: `${s.number} ${s.title}` }))]))}
          />
        </section>
      )}
    </div>
  );
}
