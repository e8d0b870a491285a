import { describe, expect, it } from "vitest";
import { anchorAt, anchorState, locateQuote, paragraphText, reanchor, splitSentences, type RevisionText } from "@/server/anchoring";

const base =
  "Der Landkreis unterstützt die Gemeinden beim Bau von Sozialwohnungen. Ansprechpartner ist Herr Müller im Kreissozialamt. " +
  "Wohnraum für Geflüchtete bleibt knapp, besonders in den kleineren Gemeinden.";

function anchorOn(text: string, quote: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`quote not in text: ${quote}`);
  return anchorAt(text, at, at + quote.length);
}

describe("reanchor", () => {
  it("keeps an unchanged quote where it was", () => {
    const a = anchorOn(base, "Herr Müller");
    expect(reanchor(a, base, base)).toEqual({ status: "exact", start: a.offset, end: a.offset + "Herr Müller".length });
  });

  it("follows a quote that moved because text was inserted before it", () => {
    const a = anchorOn(base, "Wohnraum für Geflüchtete bleibt knapp");
    const edited = "Neu: Der Kreistag hat 2025 ein Programm beschlossen. " + base;
    const r = reanchor(a, edited, base);
    expect(r.status).toBe("exact");
    if (r.status === "exact") expect(edited.slice(r.start, r.end)).toBe(a.quote);
  });

  it("follows a sentence moved to another place in the paragraph", () => {
    const a = anchorOn(base, "Der Landkreis unterstützt die Gemeinden beim Bau von Sozialwohnungen.");
    const moved =
      "Ansprechpartner ist Herr Müller im Kreissozialamt. Wohnraum für Geflüchtete bleibt knapp, besonders in den kleineren Gemeinden. " +
      "Der Landkreis unterstützt die Gemeinden beim Bau von Sozialwohnungen.";
    const r = reanchor(a, moved, base);
    expect(r.status).toBe("exact");
    if (r.status === "exact") expect(moved.slice(r.start, r.end)).toBe(a.quote);
  });

  it("re-finds a slightly edited quote at its place (fuzzy) and says it changed", () => {
    const a = anchorOn(base, "Wohnraum für Geflüchtete bleibt knapp");
    const edited = base.replace("Wohnraum für Geflüchtete bleibt knapp", "Wohnraum für Geflüchtete bleibt weiter knapp");
    const r = reanchor(a, edited, base);
    expect(r.status).toBe("fuzzy");
    if (r.status === "fuzzy") expect(edited.slice(r.start, r.end)).toContain("Geflüchtete bleibt");
  });

  it("never re-attaches an edited quote to a look-alike elsewhere (Hypothesis issue 2798)", () => {
    // The comment asked to replace the name; the officer did, and the name still occurs elsewhere.
    const before = base + " Herr Müller berät auch Vermieter.";
    const a = anchorOn(before, "Herr Müller", 0);
    const after = before.replace("Ansprechpartner ist Herr Müller im", "Ansprechpartnerin ist Frau Yılmaz im");
    expect(after).toContain("Herr Müller berät");
    expect(reanchor(a, after, before)).toEqual({ status: "changed" });
  });

  it("reports a deleted quote as changed", () => {
    const a = anchorOn(base, "Ansprechpartner ist Herr Müller im Kreissozialamt.");
    const deleted = base.replace(" Ansprechpartner ist Herr Müller im Kreissozialamt.", "");
    expect(reanchor(a, deleted, base)).toEqual({ status: "changed" });
  });

  it("reports a removed paragraph", () => {
    expect(reanchor(anchorOn(base, "Herr Müller"), null, base)).toEqual({ status: "removed" });
  });

  it("picks the occurrence whose context matches when the quote is duplicated", () => {
    const text = "Gemeinden melden Bedarf. Die Gemeinden planen Wohnraum. Kleine Gemeinden brauchen Hilfe.";
    const a = anchorOn(text, "Gemeinden", 2);
    const edited = "Alle Gemeinden melden Bedarf. Die Gemeinden planen neuen Wohnraum. Kleine Gemeinden brauchen Hilfe. Gemeinden.";
    const r = reanchor(a, edited, text);
    expect(r.status).toBe("exact");
    if (r.status === "exact") expect(r.start).toBe(edited.indexOf("Kleine Gemeinden") + "Kleine ".length);
  });

  it("does not take a short quote whose surroundings are all new", () => {
    const a = anchorOn(base, "knapp");
    const rewritten = "Ein völlig neuer Absatz, in dem das Wort knapp zufällig vorkommt.";
    expect(reanchor(a, rewritten, base).status).toBe("changed");
  });
});

describe("anchorState", () => {
  const rev = (id: string, number: number, p1: string, p2: string | null): RevisionText => ({
    id,
    number,
    paragraphs: new Map([["p1", p1], ...(p2 === null ? [] : [["p2", p2] as [string, string]])]),
  });

  it("stays attached when only other paragraphs change", () => {
    const a = { ...anchorOn(base, "Herr Müller"), paragraphKey: "p1", revisionId: "r1" };
    const revisions = [rev("r1", 1, base, "Zweiter Absatz."), rev("r2", 2, base, "Zweiter Absatz, völlig neu geschrieben."), rev("r3", 3, base, null)];
    expect(anchorState(a, revisions)).toMatchObject({ status: "exact", start: a.offset, current: "Herr Müller" });
  });

  it("names the revision in which the quote was changed", () => {
    const a = { ...anchorOn(base, "Ansprechpartner ist Herr Müller"), paragraphKey: "p1", revisionId: "r1" };
    const changed = base.replace("Ansprechpartner ist Herr Müller", "Zuständig ist das Team Wohnen");
    const revisions = [rev("r1", 1, base, "x"), rev("r2", 2, base, "y"), rev("r3", 3, changed, "y"), rev("r4", 4, changed + " Ergänzung.", "y")];
    expect(anchorState(a, revisions)).toEqual({ status: "changed", since: 3 });
  });

  it("names the revision in which the paragraph was removed", () => {
    const a = { ...anchorOn("Zweiter Absatz.", "Zweiter"), paragraphKey: "p2", revisionId: "r1" };
    expect(anchorState(a, [rev("r1", 1, base, "Zweiter Absatz."), rev("r2", 2, base, null)])).toEqual({ status: "removed", since: 2 });
  });
});

describe("text helpers", () => {
  it("reads a block's words as the browser shows them", () => {
    expect(paragraphText("<p>Wohnen &amp; Arbeit:<br>  <strong>Sprache</strong> &quot;zuerst&quot;</p>")).toBe('Wohnen & Arbeit: Sprache "zuerst"');
  });

  it("splits a paragraph into sentences with their offsets", () => {
    const text = "Erster Satz. Zweiter Satz! Dritter, mit 3. Zahl? Letzter";
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(["Erster Satz.", "Zweiter Satz!", "Dritter, mit 3. Zahl?", "Letzter"]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it("keeps list items and table cells apart, and finds a selection across them", () => {
    const text = paragraphText("<ul><li>Sprachkurse ausbauen.</li><li>Kinderbetreuung sichern.</li></ul>");
    expect(text).toBe("Sprachkurse ausbauen. Kinderbetreuung sichern.");
    expect(splitSentences(text).map((s) => s.text)).toEqual(["Sprachkurse ausbauen.", "Kinderbetreuung sichern."]);
    // The browser's selection across the two items has no space between them.
    expect(locateQuote(text, "ausbauen.Kinderbetreuung", 0)?.quote).toBe("ausbauen. Kinderbetreuung");
  });

  it("locates a quote nearest to the offset the browser reported", () => {
    const text = "Gemeinden und Gemeinden und Gemeinden";
    expect(locateQuote(text, "Gemeinden", 16)?.offset).toBe(14);
    expect(locateQuote(text, "Städte", 0)).toBeNull();
  });
});
