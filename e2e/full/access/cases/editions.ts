import { createEdition } from "../../../support/factories";
import { wordFile } from "../../../support/editions-factories";
import type { ActionCases, RefusalCase } from "./types";

const notEditable = "In dieser Phase kann die Ausgabe nicht bearbeitet werden (nur im Entwurf und in der Auswertung).";
const copyAdoptedOnly = "Nur eine beschlossene Ausgabe kann als Grundlage der nächsten kopiert werden.";
const phaseTransition = "Dieser Phasenwechsel ist nicht möglich.";

type Phase = Parameters<typeof createEdition>[0]["phase"];
const day = 86_400_000;
/** One small edition per phase for the worker (one chapter, one section with text). */
const editions = new Map<Phase, ReturnType<typeof createEdition>>();
const editionIn = (phase: Phase) => {
  if (!editions.has(phase)) {
    const window = phase === "draft" ? {} : { opensAt: new Date(Date.now() - 10 * day), closesAt: new Date(Date.now() + (phase === "consultation" ? 10 : -1) * day) };
    editions.set(phase, createEdition({ phase, ...window, revisions: [{ text: "Ein Absatz.", at: new Date(Date.now() - 20 * day) }] }));
  }
  return editions.get(phase)!;
};

let docx: Promise<string> | undefined;
/** A real .docx, sent as {name, base64} as a direct (JSON) call may. */
const file = async () => ({ name: "plan.docx", base64: await (docx ??= wordFile().then((b) => b.toString("base64"))) });

type Inputs = (phase: Phase) => Promise<unknown>;
const inputs: Record<string, Inputs> = {
  "edition.settings": async (p) => ({ editionId: (await editionIn(p)).id, title: "Integrationsplan 2099", opensAt: "2099-03-01T09:00", closesAt: "2099-04-01T18:00" }),
  "outline.change": async (p) => ({ editionId: (await editionIn(p)).id, operation: "addChapter", title: "Neues Kapitel" }),
  "section.saveText": async (p) => {
    const e = await editionIn(p);
    return { editionId: e.id, sectionKey: e.sectionKey, html: '<p data-key="p1">Geändert.</p>' };
  },
  "word.preview": async (p) => ({ editionId: (await editionIn(p)).id, file: await file() }),
  "word.apply": async (p) => {
    const e = await editionIn(p);
    return { editionId: e.id, file: await file(), chapterKey: e.chapterKey, mapping: [e.sectionKey, "new"] };
  },
};

/** The officer is refused editing outside draft and consolidation: an adopted edition, one in consultation. */
const outsideEditing = (name: string): Partial<Record<"officer", RefusalCase[]>> => ({
  officer: [
    { what: "an adopted edition", input: () => inputs[name]!("adopted"), code: "closed", message: notEditable },
    { what: "an edition in consultation", input: () => inputs[name]!("consultation"), code: "closed", message: notEditable },
    { what: "an edition in council review", input: () => inputs[name]!("council_review"), code: "closed", message: notEditable },
  ],
});

const edit = (name: string) => ({ valid: () => inputs[name]!("draft"), refused: outsideEditing(name) });

/** Cases for the officer's edition actions (see ./types.ts). */
export const editionsCases: ActionCases = {
  "edition.copy": {
    valid: async () => ({ editionId: (await editionIn("adopted")).id, year: 2099, title: "Integrationsplan 2099" }),
    refused: {
      officer: [
        { what: "a draft", input: async () => ({ editionId: (await editionIn("draft")).id, year: 2099, title: "Integrationsplan 2099" }), code: "forbidden", message: copyAdoptedOnly },
        { what: "an edition in consultation", input: async () => ({ editionId: (await editionIn("consultation")).id, year: 2099, title: "Integrationsplan 2099" }), code: "forbidden", message: copyAdoptedOnly },
      ],
    },
  },
  "edition.settings": edit("edition.settings"),
  "edition.phase": {
    valid: async () => ({ editionId: (await editionIn("draft")).id, to: "consultation" }),
    refused: {
      officer: [
        { what: "a skipped phase (draft to consolidation)", input: async () => ({ editionId: (await editionIn("draft")).id, to: "consolidation" }), code: "forbidden", message: phaseTransition },
        { what: "a step back (consolidation to consultation)", input: async () => ({ editionId: (await editionIn("consolidation")).id, to: "consultation" }), code: "forbidden", message: phaseTransition },
        { what: "an adopted edition", input: async () => ({ editionId: (await editionIn("adopted")).id, to: "council_review" }), code: "forbidden", message: phaseTransition },
      ],
    },
  },
  "outline.change": edit("outline.change"),
  "section.saveText": edit("section.saveText"),
  "word.preview": edit("word.preview"),
  "word.apply": edit("word.apply"),
};
