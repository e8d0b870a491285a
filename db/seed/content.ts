/**
 * Seed content for Planwerk.
 *
 * IMPORTANT: All chapter and section texts below are SAMPLE TEXT WRITTEN FOR THE DEMO.
 * They are modelled on the structure of the "Integrationsplan Landkreis Göppingen 2022"
 * (and the fields of action of the 2011 plan) but are invented and must never be presented
 * as the official plan. Organisations of migrants and volunteer circles as well as all
 * people are invented. Structure, dates and the basic facts (definition of migration
 * background, about 32 %, 38 cities and municipalities, goal of the Partizipations- und
 * Integrationsgesetz Baden-Württemberg) follow the shared design document.
 *
 * Pure data + types, no imports.
 */

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

export type SeedBlock = { key: string; kind: "paragraph" | "list" | "table"; html: string };

export type SeedSection = {
  key: string;
  title: string;
  blocks: SeedBlock[];
  draftBlocks?: SeedBlock[];
};

export type SeedProposal = { title: string; description: string; responsibleActor?: string };

export type SeedChapter = {
  key: string;
  title: string;
  intro: string;
  sections: SeedSection[];
  proposals: SeedProposal[];
  measures: {
    title: string;
    responsibleActor: string;
    timeline: string;
    status: "planned" | "in_progress" | "done" | "discontinued";
  }[];
};

export type GroupKey = "kreistag" | "kommunen" | "institutionen" | "traeger" | "migrantenorganisationen" | "ehrenamt";

// ---------------------------------------------------------------------------
// Helpers (not exported)
// ---------------------------------------------------------------------------

const p = (key: string, html: string): SeedBlock => ({ key, kind: "paragraph", html: `<p>${html}</p>` });

const ul = (key: string, items: string[]): SeedBlock => ({
  key,
  kind: "list",
  html: `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`,
});

const ol = (key: string, items: string[]): SeedBlock => ({
  key,
  kind: "list",
  html: `<ol>${items.map((i) => `<li>${i}</li>`).join("")}</ol>`,
});

const table = (key: string, head: string[], rows: string[][]): SeedBlock => ({
  key,
  kind: "table",
  html:
    `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody></table>`,
});

/**
 * Builds a section. `draft` receives `keep(key)`, which returns the unchanged 2022 block with
 * that key, so blocks that stay the same in the next edition cannot drift apart.
 */
function section(
  key: string,
  title: string,
  blocks: SeedBlock[],
  draft?: (keep: (blockKey: string) => SeedBlock) => SeedBlock[],
): SeedSection {
  if (!draft) return { key, title, blocks };
  const keep = (blockKey: string): SeedBlock => {
    const found = blocks.find((b) => b.key === blockKey);
    if (!found) throw new Error(`Seed content: unknown block "${blockKey}" in section "${key}"`);
    return found;
  };
  return { key, title, blocks, draftBlocks: draft(keep) };
}

// ---------------------------------------------------------------------------
// Draft-only marker sentence
// ---------------------------------------------------------------------------

export const DRAFT_ONLY_SENTENCE =
  "Der Landkreis richtet bis 2027 eine kreisweite Wohnraumbörse für Geflüchtete und Zugewanderte ein.";

// ---------------------------------------------------------------------------
// Edition 2022 (with revised draft text for the next edition)
// ---------------------------------------------------------------------------

export const chapters2022: SeedChapter[] = [
  // -------------------------------------------------------------------------
  // 1 Bevölkerungsstatistiken, Grundlagen und Strukturen
  // -------------------------------------------------------------------------
  {
    key: "grundlagen",
    title: "Bevölkerungsstatistiken, Grundlagen und Strukturen",
    intro:
      "Das Kapitel beschreibt, wer im Landkreis Göppingen lebt, welches Verständnis von Integration dem Plan zugrunde liegt und wie die Integrationsarbeit in Landkreis, Städten und Gemeinden organisiert ist.",
    sections: [
      section("grundlagen-leitziele", "Integrationsverständnis und Leitziele", [
        p(
          "p1",
          "Der Integrationsplan folgt dem Ziel des baden-württembergischen <em>Partizipations- und Integrationsgesetzes</em>: der gleichberechtigten Teilhabe von Menschen mit und ohne Migrationshintergrund an allen Bereichen des gesellschaftlichen Lebens. Integration wird als wechselseitiger Prozess verstanden. Er setzt die Offenheit der Aufnahmegesellschaft ebenso voraus wie die Bereitschaft der Zugewanderten, sich auf das Leben im Landkreis einzulassen.",
        ),
        ul("l1", [
          "Chancengleichheit in Bildung, Ausbildung und Beruf",
          "Zugang zu bezahlbarem Wohnraum und zu guter gesundheitlicher Versorgung",
          "Interkulturelle Öffnung von Verwaltung, Einrichtungen und Vereinen",
          "Begegnung, bürgerschaftliches Engagement und politische Teilhabe stärken",
          "Schutz vor Diskriminierung und Rassismus",
        ]),
        p(
          "p2",
          "Die Leitziele gelten für alle Kapitel. Sie richten sich nicht nur an die Kreisverwaltung, sondern an alle, die im Landkreis Verantwortung für das Zusammenleben tragen: Städte und Gemeinden, Schulen, Betriebe, Verbände, Vereine und Religionsgemeinschaften.",
        ),
      ]),
      section(
        "grundlagen-bevoelkerung",
        "Bevölkerung mit Migrationshintergrund",
        [
          p(
            "p1",
            "Der Plan verwendet die Definition des Statistischen Bundesamtes: Eine Person hat einen Migrationshintergrund, wenn sie selbst oder mindestens ein Elternteil nicht mit deutscher Staatsangehörigkeit geboren wurde. Dazu zählen Ausländerinnen und Ausländer, Eingebürgerte, Spätaussiedlerinnen und Spätaussiedler sowie deren in Deutschland geborene Kinder.",
          ),
          table(
            "t1",
            ["Merkmal", "Landkreis Göppingen (Stand 2022)"],
            [
              ["Städte und Gemeinden", "38"],
              ["Anteil der Bevölkerung mit Migrationshintergrund", "rund 32 %"],
              ["Größte Gruppen ausländischer Staatsangehöriger", "türkische und italienische Staatsangehörigkeit"],
              ["Zuwanderung seit 2015", "vor allem Schutzsuchende aus Syrien, Afghanistan und dem Irak sowie EU-Bürgerinnen und -Bürger aus Südosteuropa"],
            ],
          ),
          p(
            "p2",
            "Fast jede dritte Person im Landkreis hat damit eine familiäre Zuwanderungsgeschichte. Viele Familien leben bereits in der zweiten oder dritten Generation hier. Ihre Wurzeln reichen häufig in die Anwerbung von Arbeitskräften für die Industrie im Filstal in den 1960er- und 1970er-Jahren zurück.",
          ),
        ],
        (keep) => [
          keep("p1"),
          table(
            "t1",
            ["Merkmal", "Landkreis Göppingen (Stand 2024)"],
            [
              ["Städte und Gemeinden", "38"],
              ["Anteil der Bevölkerung mit Migrationshintergrund", "rund 32 % (Wert 2022, aktualisierte Auswertung in Vorbereitung)"],
              ["Größte Gruppen ausländischer Staatsangehöriger", "türkische und italienische Staatsangehörigkeit"],
              ["Zuwanderung seit 2015", "vor allem Schutzsuchende aus Syrien, Afghanistan und dem Irak sowie EU-Bürgerinnen und -Bürger aus Südosteuropa"],
              ["Zuwanderung seit 2022", "Schutzsuchende aus der Ukraine, überwiegend Frauen, Kinder und ältere Menschen"],
            ],
          ),
          keep("p2"),
          p(
            "p3n",
            "Seit Frühjahr 2022 hat der Landkreis zahlreiche Schutzsuchende aus der Ukraine aufgenommen. Die Fortschreibung betrachtet diese Gruppe erstmals gesondert; Zahlen folgen, sobald die Daten des Statistischen Landesamts vorliegen.",
          ),
        ],
      ),
      section(
        "grundlagen-strukturen",
        "Strukturen der Integrationsarbeit",
        [
          p(
            "p1",
            "Die Integrationsbeauftragte des Landkreises ist im Kreissozialamt angesiedelt. Sie koordiniert die Fortschreibung des Integrationsplans, berät die Städte und Gemeinden und ist Ansprechpartnerin für Träger, Vereine und Engagierte.",
          ),
          ul("l1", [
            "<strong>Integrationsmanagement:</strong> Fachkräfte der Sozialen Arbeit begleiten Geflüchtete in der Anschlussunterbringung bei Behördengängen, Wohnungssuche, Ausbildung und Arbeit.",
            "<strong>Kommunale Ansprechpersonen:</strong> In den größeren Städten gibt es Integrationsbeauftragte, in kleineren Gemeinden feste Ansprechpersonen in der Verwaltung.",
            "<strong>Netzwerk Integration:</strong> Verwaltung, Freie Träger, Migrant*innenorganisationen und Ehrenamt treffen sich zweimal im Jahr.",
            "<strong>Fachdienste:</strong> Migrationsberatung für Erwachsene und Jugendmigrationsdienst der Freien Träger.",
          ]),
          p(
            "p2",
            "Viele Aufgaben liegen bei den 38 Städten und Gemeinden, deren personelle Ausstattung sehr unterschiedlich ist. Kleinere Gemeinden sind auf die Beratung durch den Landkreis und auf die Zusammenarbeit mit ihren Nachbarn angewiesen.",
          ),
        ],
        (keep) => [
          keep("p1"),
          keep("l1"),
          p(
            "p2",
            "Viele Aufgaben liegen bei den 38 Städten und Gemeinden, deren personelle Ausstattung sehr unterschiedlich ist. Kleinere Gemeinden sind auf die Beratung durch den Landkreis und auf die Zusammenarbeit mit ihren Nachbarn angewiesen. Seit 2023 bieten Landkreis und Kommunen deshalb gemeinsame Sprechstunden im ländlichen Raum an, etwa im oberen Filstal und auf der Albhochfläche.",
          ),
        ],
      ),
      section(
        "grundlagen-beteiligung",
        "Entstehung des Plans und Beteiligung",
        [
          p(
            "p1",
            "Der Integrationsplan 2022 ersetzt den ersten Integrationsplan des Landkreises vom 27. Mai 2011. Er entstand in einem breiten Beteiligungsprozess mit Mitgliedern des Kreistags, Vertreterinnen und Vertretern der Städte und Gemeinden, öffentlicher Institutionen und Einrichtungen sowie ehrenamtlich engagierten Bürgerinnen und Bürgern mit und ohne Migrationshintergrund.",
          ),
          ol("l1", [
            "Bilanz des Plans von 2011 und Bestandsaufnahme",
            "Fachworkshops zu Wohnen, Bildung, Arbeit, Gesundheit und Zusammenleben",
            "Abstimmung der Entwürfe mit den Beteiligten",
            "Beratung und Beschluss im Kreistag am 15. Juli 2022",
          ]),
          p(
            "p2",
            "Der Plan dient als Nachschlagewerk und Ideengeber für alle Akteure. Die Maßnahmen in der Verantwortung des Landkreises bilden eine Agenda der Verwaltung für die kommenden zehn Jahre.",
          ),
        ],
        (keep) => [
          keep("p1"),
          keep("l1"),
          keep("p2"),
          p(
            "p3n",
            "Für die Fortschreibung nutzt der Landkreis erstmals eine digitale Beteiligungsplattform. Die beteiligten Gruppen können den Entwurf abschnittsweise kommentieren, Maßnahmen vorschlagen und über Vorschläge abstimmen. Jede Rückmeldung erhält eine schriftliche Abwägung, die nach dem Beschluss veröffentlicht wird.",
          ),
        ],
      ),
    ],
    proposals: [
      {
        title: "Integrationsdaten auf Gemeindeebene bereitstellen",
        description:
          "Der Landkreis stellt den Städten und Gemeinden jährlich zusammengefasste Kennzahlen zur Zuwanderung in ihrer Kommune zur Verfügung, damit sie ihre Angebote besser planen können.",
        responsibleActor: "Landratsamt Göppingen – Kreissozialamt",
      },
      {
        title: "Regionale Netzwerktreffen im ländlichen Raum",
        description:
          "Zusätzlich zum kreisweiten Netzwerk Integration finden Treffen in den Raumschaften statt, damit kleinere Gemeinden und ihre Helferkreise kürzere Wege haben und sich gezielt austauschen können.",
        responsibleActor: "Integrationsbeauftragte mit den Städten und Gemeinden",
      },
    ],
    measures: [
      {
        title: "Netzwerk Integration mit zwei Treffen pro Jahr",
        responsibleActor: "Landratsamt Göppingen – Integrationsbeauftragte",
        timeline: "seit 2022, halbjährlich",
        status: "in_progress",
      },
      {
        title: "Handreichung für kommunale Ansprechpersonen Integration",
        responsibleActor: "Landratsamt Göppingen – Integrationsbeauftragte",
        timeline: "2023",
        status: "done",
      },
    ],
  },

  // -------------------------------------------------------------------------
  // 2 Wohnen
  // -------------------------------------------------------------------------
  {
    key: "wohnen",
    title: "Wohnen",
    intro:
      "Eine angemessene Wohnung ist Voraussetzung dafür, anzukommen, zu lernen und zu arbeiten. Das Kapitel beschreibt die Lage auf dem Wohnungsmarkt, die Unterbringung Geflüchteter und das Leben in der Nachbarschaft.",
    sections: [
      section("wohnen-ausgangslage", "Ausgangslage auf dem Wohnungsmarkt", [
        p(
          "p1",
          "Der Wohnungsmarkt im Landkreis ist angespannt, vor allem in den Städten entlang der Fils mit guter Anbindung an die Region Stuttgart. Bezahlbarer Wohnraum für Familien mit mehreren Kindern und für Alleinstehende mit geringem Einkommen ist knapp.",
        ),
        p(
          "p2",
          "Menschen mit Migrationshintergrund sind davon überdurchschnittlich betroffen. Beratungsstellen berichten immer wieder von Absagen, sobald ein fremd klingender Name genannt wird. Hinzu kommen fehlende Kenntnisse über Mietverträge, Nebenkosten und Hausordnungen.",
        ),
        ul("l1", [
          "geringer Bestand an geförderten Mietwohnungen",
          "lange Suchzeiten, besonders für große Familien",
          "Vorbehalte bei Vermieterinnen und Vermietern",
          "Leerstand in den Ortskernen kleinerer Gemeinden, der nicht auf den Markt kommt",
        ]),
      ]),
      section(
        "wohnen-wohnraum",
        "Zugang zu Wohnraum",
        [
          p(
            "p1",
            "Ziel ist, dass Menschen mit Migrationshintergrund gleichberechtigt Zugang zu angemessenem Wohnraum erhalten. Der Landkreis unterstützt die Städte und Gemeinden dabei, zusätzlichen Wohnraum zu erschließen und private Vermieterinnen und Vermieter zu gewinnen.",
          ),
          ul("l1", [
            "Beratung von Vermieterinnen und Vermietern durch das Integrationsmanagement, auch nach Abschluss des Mietvertrags",
            "<strong>Mietführerschein:</strong> Kurse zu Rechten und Pflichten im Mietverhältnis",
            "Gespräche mit Wohnungsbaugesellschaften über Belegungskontingente",
            "Informationen zu Wohnberechtigungsschein und Wohngeld in einfacher Sprache",
          ]),
          p(
            "p2",
            "Die Städte und Gemeinden prüfen, wie leerstehende Gebäude in den Ortskernen genutzt werden können. Gute Erfahrungen gibt es mit Modellen, bei denen die Kommune als Zwischenmieterin auftritt und den Eigentümerinnen und Eigentümern die Miete garantiert.",
          ),
        ],
        (keep) => [
          p(
            "p1",
            "Ziel ist, dass Menschen mit Migrationshintergrund gleichberechtigt Zugang zu angemessenem und bezahlbarem Wohnraum erhalten. Der Landkreis unterstützt die Städte und Gemeinden dabei, zusätzlichen Wohnraum zu erschließen, private Vermieterinnen und Vermieter zu gewinnen und Mietverhältnisse dauerhaft zu sichern.",
          ),
          ul("l1", [
            "Beratung von Vermieterinnen und Vermietern durch das Integrationsmanagement, auch nach Abschluss des Mietvertrags",
            "<strong>Mietführerschein:</strong> Kurse zu Rechten und Pflichten im Mietverhältnis, seit 2023 auch in Arabisch, Türkisch und Ukrainisch",
            "Gespräche mit Wohnungsbaugesellschaften über Belegungskontingente",
            "Informationen zu Wohnberechtigungsschein und Wohngeld in einfacher Sprache",
          ]),
          keep("p2"),
          p(
            "p3n",
            `${DRAFT_ONLY_SENTENCE} Über die Börse können private Eigentümerinnen und Eigentümer freie Wohnungen melden. Das Integrationsmanagement schlägt passende Mietinteressierte vor und bleibt auch nach dem Einzug Ansprechpartner für beide Seiten.`,
          ),
        ],
      ),
      section(
        "wohnen-unterbringung",
        "Vorläufige Unterbringung und Anschlussunterbringung",
        [
          p(
            "p1",
            "Asylsuchende werden nach der Erstaufnahme durch das Land zunächst vom Landkreis in Gemeinschaftsunterkünften vorläufig untergebracht. Nach Abschluss des Asylverfahrens, spätestens nach 24 Monaten, folgt die Anschlussunterbringung in der Verantwortung der Städte und Gemeinden.",
          ),
          table(
            "t1",
            ["Phase", "Zuständigkeit", "Schwerpunkt der Begleitung"],
            [
              ["Erstaufnahme", "Land Baden-Württemberg", "Registrierung, Gesundheitsuntersuchung, Asylantrag"],
              ["Vorläufige Unterbringung", "Landkreis Göppingen", "Sozialbetreuung, erste Orientierung, Zugang zu Sprachkursen"],
              ["Anschlussunterbringung", "Städte und Gemeinden", "Integrationsmanagement, Wohnungssuche, Ausbildung und Arbeit"],
            ],
          ),
          p(
            "p2",
            "Der Übergang zwischen den Phasen soll ohne Brüche gelingen. Informationen über Sprachkurse, Schulbesuch und gesundheitliche Bedarfe werden deshalb mit Einwilligung der Betroffenen an die jeweils zuständige Stelle weitergegeben.",
          ),
        ],
        (keep) => [
          p(
            "p1",
            "Asylsuchende werden nach der Erstaufnahme durch das Land zunächst vom Landkreis in Gemeinschaftsunterkünften vorläufig untergebracht. Nach Abschluss des Asylverfahrens, spätestens nach 24 Monaten, folgt die Anschlussunterbringung in der Verantwortung der Städte und Gemeinden. Schutzsuchende aus der Ukraine erhalten seit 2022 unmittelbar einen Aufenthaltstitel und wohnen meist von Beginn an in kommunalen oder privaten Wohnungen.",
          ),
          keep("t1"),
          keep("p2"),
          p(
            "p3n",
            "Für die Gemeinschaftsunterkünfte des Landkreises gelten künftig verbindliche Mindeststandards: ruhige Lernplätze für Schulkinder, ein stabiler Internetzugang, abschließbare Sanitärbereiche für Frauen und ein fester Ansprechpartner der Sozialbetreuung in jeder Unterkunft.",
          ),
        ],
      ),
      section("wohnen-quartier", "Nachbarschaft und Quartier", [
        p(
          "p1",
          "Integration geschieht in der Nachbarschaft: im Treppenhaus, auf dem Spielplatz und im Verein um die Ecke. Wo viele Menschen mit geringem Einkommen auf engem Raum wohnen, braucht es Orte der Begegnung und Ansprechpersonen vor Ort.",
        ),
        ul("l1", [
          "Stadtteiltreffs und Familienzentren als offene Anlaufstellen",
          "Nachbarschaftsprojekte gemeinsam mit Hausverwaltungen und Wohnungsbaugesellschaften",
          "Beteiligung von Migrant*innenorganisationen an Stadtteil- und Gemeindefesten",
          "Nutzung von Förderprogrammen für den sozialen Zusammenhalt im Quartier",
        ]),
        p(
          "p2",
          "Die Städte und Gemeinden achten bei der Planung neuer Wohngebiete auf eine gute soziale Mischung und vermeiden es, Unterkünfte am Ortsrand ohne Anbindung an Busverkehr, Schulen und Einkaufsmöglichkeiten zu errichten.",
        ),
      ]),
    ],
    proposals: [
      {
        title: "Gemeinsame Wohnungsvermittlung von Landkreis und Kommunen",
        description:
          "Eine zentrale Stelle sammelt Wohnungsangebote privater Eigentümerinnen und Eigentümer aus allen Städten und Gemeinden und vermittelt sie an Menschen, die aus der Anschlussunterbringung ausziehen möchten.",
        responsibleActor: "Landratsamt Göppingen mit den Städten und Gemeinden",
      },
      {
        title: "Beratung bei Diskriminierung auf dem Wohnungsmarkt",
        description:
          "Menschen, die bei der Wohnungssuche wegen ihrer Herkunft oder ihres Namens abgelehnt werden, erhalten eine Anlaufstelle, die berät, dokumentiert und bei Bedarf vermittelt.",
        responsibleActor: "Freie Träger der Wohlfahrtspflege",
      },
      {
        title: "Wohnpatenschaften durch Ehrenamtliche",
        description:
          "Ehrenamtliche begleiten neue Mieterinnen und Mieter im ersten Jahr nach dem Einzug, etwa bei Nebenkostenabrechnungen, Mülltrennung und im Kontakt mit der Nachbarschaft.",
        responsibleActor: "Helferkreise in den Städten und Gemeinden",
      },
    ],
    measures: [
      {
        title: "Mietführerschein in Kooperation mit Freien Trägern",
        responsibleActor: "Landratsamt Göppingen – Kreissozialamt, Freie Träger",
        timeline: "ab 2023, mehrmals jährlich",
        status: "in_progress",
      },
      {
        title: "Leitfaden für Kommunen zur Gewinnung privater Vermieterinnen und Vermieter",
        responsibleActor: "Landratsamt Göppingen – Integrationsbeauftragte",
        timeline: "2023",
        status: "done",
      },
    ],
  },

  // -------------------------------------------------------------------------
  // 3 Bildung
  // -------------------------------------------------------------------------
  {
    key: "bildung",
    title: "Bildung",
    intro:
      "Bildung öffnet den Weg zu Ausbildung, Arbeit und Teilhabe. Das Kapitel reicht von der frühkindlichen Bildung über die Schule bis zum Deutschlernen im Erwachsenenalter.",
    sections: [
      section("bildung-fruehkindlich", "Frühkindliche Bildung", [
        p(
          "p1",
          "Kinder aus zugewanderten Familien besuchen seltener und später eine Kindertageseinrichtung als andere Kinder. Gerade ein früher Kita-Besuch ist jedoch entscheidend für den Erwerb der deutschen Sprache und einen guten Start in die Schule.",
        ),
        ul("l1", [
          "alltagsintegrierte Sprachbildung in allen Kindertageseinrichtungen",
          "mehrsprachige Informationen für Eltern zu Anmeldung, Kosten und Betreuungszeiten",
          "Fortbildungen für pädagogische Fachkräfte zu Mehrsprachigkeit und Zusammenarbeit mit Familien",
          "Spielgruppen als Brückenangebot für Kinder, die noch keinen Kita-Platz haben",
        ]),
        p(
          "p2",
          "Mehrsprachigkeit gilt als Stärke. Eltern werden ermutigt, mit ihren Kindern in der Sprache zu sprechen, die sie selbst am besten beherrschen; Deutsch lernen die Kinder dann in der Kita und im Umgang mit anderen Kindern.",
        ),
      ]),
      section(
        "bildung-schule",
        "Schulische Bildung",
        [
          p(
            "p1",
            "Neu zugewanderte Kinder und Jugendliche ohne ausreichende Deutschkenntnisse lernen zunächst in Vorbereitungsklassen (VKL) an allgemeinbildenden Schulen, ältere Jugendliche in VABO-Klassen an den beruflichen Schulen. Ziel ist ein möglichst rascher Wechsel in den Regelunterricht.",
          ),
          p(
            "p2",
            "Der Schulerfolg hängt in Deutschland noch immer stark von der Herkunft ab. Auch im Landkreis sind Schülerinnen und Schüler mit Migrationshintergrund an Gymnasien unterrepräsentiert und verlassen die Schule häufiger ohne Abschluss.",
          ),
          ul("l1", [
            "ausreichend Vorbereitungsklassen in allen Teilen des Landkreises",
            "Lernbegleitung und Hausaufgabenhilfe, auch durch Ehrenamtliche",
            "Schulsozialarbeit an allen weiterführenden Schulen",
            "Wertschätzung der Herkunftssprachen, etwa durch herkunftssprachlichen Unterricht",
          ]),
        ],
        (keep) => [
          keep("p1"),
          keep("p2"),
          p(
            "p3n",
            "Seit dem Schuljahr 2022/23 sind zahlreiche Kinder aus der Ukraine hinzugekommen. Die Zahl der Vorbereitungsklassen wurde deutlich erhöht. Dennoch warten Kinder in ländlichen Gemeinden zum Teil mehrere Wochen auf einen Platz, weil die nächste Schule mit Vorbereitungsklasse weit entfernt ist.",
          ),
          ul("l1", [
            "ausreichend Vorbereitungsklassen in allen Teilen des Landkreises",
            "verlässliche Schülerbeförderung zu Vorbereitungsklassen an Nachbarschulen",
            "Lernbegleitung und Hausaufgabenhilfe, auch durch Ehrenamtliche",
            "Schulsozialarbeit an allen weiterführenden Schulen",
            "Wertschätzung der Herkunftssprachen, etwa durch herkunftssprachlichen Unterricht",
          ]),
        ],
      ),
      section(
        "bildung-deutsch",
        "Deutsch lernen für Erwachsene",
        [
          p(
            "p1",
            "Deutschkenntnisse sind ein Schlüssel zur Teilhabe. Im Landkreis bieten Volkshochschulen und weitere zugelassene Träger Integrationskurse des Bundesamts für Migration und Flüchtlinge an, ergänzt durch Berufssprachkurse und ehrenamtliche Sprachcafés.",
          ),
          table(
            "t1",
            ["Angebot", "Zielgruppe", "Träger"],
            [
              ["Integrationskurs mit Orientierungskurs", "Zugewanderte mit Bleibeperspektive", "zugelassene Kursträger, u. a. Volkshochschulen"],
              ["Berufssprachkurs", "Menschen in Ausbildung, Arbeit oder auf Arbeitssuche", "Kursträger im Auftrag des Bundesamts"],
              ["Sprachcafé, Lesepatenschaft", "alle Interessierten", "Helferkreise, Büchereien, Vereine"],
            ],
          ),
          p(
            "p2",
            "Schwierigkeiten bereiten Wartezeiten, fehlende Kinderbetreuung während der Kurse und weite Wege aus den Gemeinden auf der Albhochfläche. Frauen mit kleinen Kindern brechen Kurse deshalb häufiger ab oder beginnen sie gar nicht erst.",
          ),
        ],
        (keep) => [
          keep("p1"),
          keep("t1"),
          p(
            "p2",
            "Schwierigkeiten bereiten Wartezeiten, fehlende Kinderbetreuung während der Kurse und weite Wege aus den Gemeinden auf der Albhochfläche. Kurse mit paralleler Kinderbetreuung gibt es seit 2023 in Göppingen und Geislingen an der Steige; im ländlichen Raum fehlen sie weiterhin. Frauen mit kleinen Kindern brechen Kurse deshalb noch immer häufiger ab.",
          ),
          p(
            "p3n",
            "Ergänzend sollen Online-Kurse mit Präsenzterminen vor Ort erprobt werden, damit auch Berufstätige im Schichtdienst und Menschen ohne Auto den Sprachkurs abschließen können.",
          ),
        ],
      ),
      section("bildung-eltern", "Zusammenarbeit mit Eltern", [
        p(
          "p1",
          "Eltern sind die wichtigsten Bildungsbegleiter ihrer Kinder. Zugewanderte Eltern kennen das gegliederte Schulsystem oft wenig, und Elternabende oder Schreiben der Schule erreichen sie nicht immer.",
        ),
        ul("l1", [
          "Elternmentorinnen und Elternmentoren, die zwischen Schule und Familien vermitteln",
          "mehrsprachige Informationsabende zum Übergang nach der Grundschule",
          "Einbindung von Elternvereinen der Migrant*innenorganisationen in die Elternbeiräte",
        ]),
        p(
          "p2",
          "Besonders wichtig ist der Übergang von der Grundschule auf die weiterführende Schule. Eltern sollen wissen, welche Wege zu welchen Abschlüssen führen und dass auch über die Realschule oder die beruflichen Gymnasien das Abitur erreichbar ist.",
        ),
      ]),
    ],
    proposals: [
      {
        title: "Integrationskurse mit Kinderbetreuung im ländlichen Raum",
        description:
          "In mindestens zwei weiteren Gemeinden außerhalb der großen Städte sollen Integrationskurse mit paralleler Kinderbetreuung angeboten werden, etwa in Räumen von Kindergärten oder Gemeindehäusern.",
        responsibleActor: "Kursträger mit den Städten und Gemeinden",
      },
      {
        title: "Herkunftssprachlichen Unterricht an Grundschulen ausbauen",
        description:
          "Unterricht in Türkisch, Italienisch, Arabisch und Ukrainisch soll an Grundschulen stattfinden können, damit Kinder ihre Familiensprache auch schriftlich lernen.",
        responsibleActor: "Staatliches Schulamt Göppingen",
      },
      {
        title: "Lernpatenschaften für Jugendliche in VABO-Klassen",
        description:
          "Ehrenamtliche und Studierende unterstützen Jugendliche in VABO-Klassen einmal pro Woche beim Lernen und bei der Vorbereitung auf Prüfungen.",
      },
    ],
    measures: [
      {
        title: "Ausbau der Vorbereitungsklassen an Grundschulen im ländlichen Raum",
        responsibleActor: "Staatliches Schulamt Göppingen, Schulträger",
        timeline: "2022–2025",
        status: "in_progress",
      },
      {
        title: "Elternmentoren-Programm in vier Städten",
        responsibleActor: "Landratsamt Göppingen – Integrationsbeauftragte, Freie Träger",
        timeline: "2023–2026",
        status: "in_progress",
      },
      {
        title: "Informationsblatt zum Schulsystem in acht Sprachen",
        responsibleActor: "Staatliches Schulamt Göppingen",
        timeline: "2023",
        status: "done",
      },
    ],
  },

  // -------------------------------------------------------------------------
  // 4 Arbeit
  // -------------------------------------------------------------------------
  {
    key: "arbeit",
    title: "Arbeit",
    intro:
      "Erwerbsarbeit sichert den Lebensunterhalt und schafft Kontakte. Der Landkreis ist auf Fachkräfte angewiesen; das Kapitel beschreibt Wege in Ausbildung und Beschäftigung.",
    sections: [
      section("arbeit-arbeitsmarkt", "Arbeitsmarkt und Beschäftigung", [
        p(
          "p1",
          "Die Wirtschaft im Landkreis ist geprägt von Maschinenbau, Metallverarbeitung, Automobilzulieferern und Handwerk. Viele Betriebe suchen Fachkräfte und Auszubildende. Zugleich sind Menschen mit ausländischer Staatsangehörigkeit häufiger arbeitslos und öfter in Helfertätigkeiten beschäftigt als Deutsche.",
        ),
        p(
          "p2",
          "Gründe sind fehlende oder nicht anerkannte Abschlüsse, Sprachbarrieren, eingeschränkte Mobilität im ländlichen Raum und Vorbehalte bei der Personalauswahl. Bei Geflüchteten kommen Unsicherheiten über den Aufenthalt hinzu.",
        ),
        ul("l1", [
          "Beschäftigungsquoten von Menschen mit und ohne Migrationshintergrund angleichen",
          "Übergänge aus Helfertätigkeiten in qualifizierte Arbeit fördern",
          "Betriebe bei Einstellung und Einarbeitung unterstützen",
          "Frauen mit Migrationshintergrund gezielt ansprechen",
        ]),
      ]),
      section(
        "arbeit-ausbildung",
        "Berufliche Ausbildung",
        [
          p(
            "p1",
            "Die duale Ausbildung ist für viele junge Zugewanderte der beste Weg in qualifizierte Arbeit. Hürden sind die Fachsprache in der Berufsschule, die geringe Bekanntheit des Ausbildungssystems bei Eltern und bei Geflüchteten die Sorge um den Aufenthalt.",
          ),
          ul("l1", [
            "Assistierte Ausbildung und ausbildungsbegleitende Hilfen der Agentur für Arbeit",
            "Willkommenslotsen der Kammern, die Betriebe bei der Einstellung beraten",
            "berufsbezogene Sprachförderung parallel zur Berufsschule",
            "Informationsabende für Eltern zur dualen Ausbildung",
          ]),
          p(
            "p2",
            "Die Ausbildungsduldung und die Beschäftigungsduldung bieten Geduldeten eine Perspektive. Betriebe und Auszubildende sollen frühzeitig über die Voraussetzungen informiert werden.",
          ),
        ],
        (keep) => [
          keep("p1"),
          ul("l1", [
            "Assistierte Ausbildung und ausbildungsbegleitende Hilfen der Agentur für Arbeit",
            "Willkommenslotsen der Kammern, die Betriebe bei der Einstellung beraten",
            "berufsbezogene Sprachförderung parallel zur Berufsschule",
            "Informationsabende für Eltern zur dualen Ausbildung",
            "Zuschüsse zu Fahrtkosten für Auszubildende aus Gemeinden mit schlechter Busanbindung",
          ]),
          p(
            "p2",
            "Die Ausbildungsduldung, die Beschäftigungsduldung und das Ende 2022 eingeführte Chancen-Aufenthaltsrecht bieten Geduldeten eine Perspektive. Die Ausländerbehörde berät Betriebe und Auszubildende frühzeitig über die Voraussetzungen, damit Ausbildungsverhältnisse nicht an offenen Fragen zum Aufenthalt scheitern.",
          ),
        ],
      ),
      section(
        "arbeit-anerkennung",
        "Anerkennung ausländischer Abschlüsse",
        [
          p(
            "p1",
            "Viele Zugewanderte bringen Berufsabschlüsse mit, die in Deutschland nicht oder nur teilweise anerkannt sind. Pflegefachkräfte, Ingenieurinnen oder Handwerker arbeiten deshalb oft unterhalb ihrer Qualifikation.",
          ),
          table(
            "t1",
            ["Schritt", "Beratung und Unterstützung"],
            [
              ["Erstinformation", "Migrationsberatung, Integrationsmanagement, Jobcenter, Agentur für Arbeit"],
              ["Anerkennungsberatung", "Beratungsstellen des Netzwerks „Integration durch Qualifizierung“"],
              ["Antrag und Bescheid", "zuständige Stellen, zum Beispiel Kammern oder Regierungspräsidium"],
              ["Anpassungsqualifizierung", "Bildungsträger, gefördert über Jobcenter, Agentur für Arbeit oder Landesprogramme"],
            ],
          ),
          p(
            "p2",
            "Das Verfahren dauert häufig lange und verursacht Kosten für Übersetzungen und Gebühren. Ziel ist eine durchgängige Begleitung von der ersten Beratung bis zum Abschluss einer Anpassungsqualifizierung.",
          ),
        ],
        (keep) => [
          keep("p1"),
          keep("t1"),
          keep("p2"),
          p(
            "p3n",
            "Mit dem weiterentwickelten Fachkräfteeinwanderungsgesetz können Fachkräfte seit 2024 in bestimmten Fällen bereits vor der vollständigen Anerkennung einreisen und arbeiten. Betriebe im Landkreis fragen zunehmend nach Unterstützung bei diesen Verfahren; die Beratungsangebote vor Ort sollen darauf vorbereitet werden.",
          ),
        ],
      ),
      section("arbeit-frauen", "Erwerbstätigkeit von Frauen", [
        p(
          "p1",
          "Zugewanderte Frauen sind deutlich seltener erwerbstätig als zugewanderte Männer und als Frauen ohne Migrationshintergrund. Häufig fehlt Kinderbetreuung; manchmal fehlen auch Informationen über Teilzeitausbildung und Qualifizierung.",
        ),
        ul("l1", [
          "Teilzeitausbildung bei Betrieben und Frauen bekannter machen",
          "Qualifizierungskurse mit Kinderbetreuung",
          "Mentoring durch berufstätige Migrantinnen",
          "offene Beratungstermine des Jobcenters in Familienzentren",
        ]),
        p(
          "p2",
          "Viele Frauen bringen Berufserfahrung aus ihren Herkunftsländern mit, etwa in Pflege, Erziehung oder Verwaltung. Diese Erfahrungen sollen sichtbar gemacht und für den Arbeitsmarkt im Landkreis genutzt werden.",
        ),
      ]),
    ],
    proposals: [
      {
        title: "Mobilitätshilfe für Auszubildende im ländlichen Raum",
        description:
          "Auszubildende aus Gemeinden mit schlechter Busanbindung erhalten einen Zuschuss zum Deutschlandticket oder Unterstützung beim Erwerb eines Führerscheins.",
        responsibleActor: "Landkreis Göppingen, Agentur für Arbeit Göppingen",
      },
      {
        title: "Mehrsprachige Ausbildungsmesse",
        description:
          "Eine jährliche Ausbildungsmesse, auf der Betriebe sich mit Unterstützung von Sprachmittlerinnen und Sprachmittlern jungen Zugewanderten und ihren Eltern vorstellen.",
        responsibleActor: "Kammern und Jobcenter Landkreis Göppingen",
      },
      {
        title: "Betriebliche Integrationslotsen",
        description:
          "Beschäftigte mit eigener Migrationsgeschichte werden geschult, um neue Kolleginnen und Kollegen in der Einarbeitungszeit zu begleiten.",
      },
    ],
    measures: [
      {
        title: "Runder Tisch Arbeitsmarktintegration mit Agentur für Arbeit, Jobcenter und Kammern",
        responsibleActor: "Agentur für Arbeit Göppingen, Jobcenter Landkreis Göppingen",
        timeline: "seit 2022, halbjährlich",
        status: "in_progress",
      },
      {
        title: "Lotsendienst Anerkennung im Landratsamt",
        responsibleActor: "Landratsamt Göppingen – Kreissozialamt",
        timeline: "2023–2024",
        status: "discontinued",
      },
      {
        title: "Jobcafé für Frauen in Göppingen und Geislingen an der Steige",
        responsibleActor: "Jobcenter Landkreis Göppingen, Freie Träger",
        timeline: "ab 2025",
        status: "planned",
      },
    ],
  },

  // -------------------------------------------------------------------------
  // 5 Gesundheit
  // -------------------------------------------------------------------------
  {
    key: "gesundheit",
    title: "Gesundheit",
    intro:
      "Gesundheit ist eine Voraussetzung für Teilhabe. Das Kapitel behandelt den Zugang zur Versorgung, die Verständigung zwischen Fachleuten und Patientinnen und Patienten sowie Pflege im Alter.",
    sections: [
      section("gesundheit-zugang", "Zugang zur gesundheitlichen Versorgung", [
        p(
          "p1",
          "Menschen mit Migrationshintergrund nehmen Vorsorgeuntersuchungen, Impfangebote und Früherkennung seltener wahr. Gründe sind fehlendes Wissen über das Gesundheitssystem, Sprachbarrieren und für Asylsuchende die eingeschränkten Leistungen nach dem Asylbewerberleistungsgesetz.",
        ),
        ul("l1", [
          "mehrsprachige Informationen des Gesundheitsamts zu Vorsorge und Impfungen",
          "Gesundheitslotsinnen und Gesundheitslotsen aus den Communities",
          "Impfberatung und Gesundheitsinformation in den Gemeinschaftsunterkünften",
          "Informationsabende in Kulturvereinen, Moscheegemeinden und Kirchengemeinden",
        ]),
        p(
          "p2",
          "Ziel ist, dass alle Menschen im Landkreis wissen, wohin sie sich bei gesundheitlichen Fragen wenden können, und dass Praxen und Kliniken auf eine vielfältige Patientenschaft vorbereitet sind.",
        ),
      ]),
      section(
        "gesundheit-sprachmittlung",
        "Sprachmittlung",
        [
          p(
            "p1",
            "Ohne Verständigung gibt es keine gute Behandlung. In Praxen, Kliniken und Beratungsstellen übersetzen häufig Kinder oder Bekannte – mit dem Risiko von Missverständnissen und einer großen Belastung für die Kinder.",
          ),
          p(
            "p2",
            "Der Landkreis baut einen Pool geschulter Sprachmittlerinnen und Sprachmittler auf, auf den Gesundheitsamt, Beratungsstellen und Kliniken zurückgreifen können. Die Finanzierung von Dolmetschleistungen in Arztpraxen ist bundesrechtlich nicht geregelt und bleibt eine offene Frage.",
          ),
          ul("l1", [
            "Schwangerschaftsberatung und Geburtsvorbereitung",
            "Gespräche im Sozialpsychiatrischen Dienst",
            "Elterngespräche in der Frühförderung",
            "Aufklärungsgespräche vor Behandlungen in Kliniken",
          ]),
        ],
        (keep) => [
          keep("p1"),
          p(
            "p2",
            "Seit 2023 steht ein Pool geschulter Sprachmittlerinnen und Sprachmittler zur Verfügung, auf den Gesundheitsamt, Beratungsstellen und Kliniken zurückgreifen. Er umfasst inzwischen rund 40 Personen für mehr als 20 Sprachen. Die Finanzierung von Dolmetschleistungen in Arztpraxen ist bundesrechtlich weiterhin nicht geregelt.",
          ),
          keep("l1"),
          p(
            "p3n",
            "Für seltene Sprachen und kurzfristige Einsätze wird ergänzend ein Videodolmetschdienst erprobt. Die Erfahrungen werden nach einem Jahr ausgewertet.",
          ),
        ],
      ),
      section(
        "gesundheit-psychosozial",
        "Psychosoziale Versorgung",
        [
          p(
            "p1",
            "Viele Geflüchtete haben Krieg, Verfolgung und Flucht erlebt. Ein Teil von ihnen leidet an Traumafolgestörungen, die unbehandelt das Deutschlernen, den Schulbesuch und die Arbeitssuche erschweren.",
          ),
          p(
            "p2",
            "Spezialisierte Angebote wie Psychosoziale Zentren für Geflüchtete sind nur in den Oberzentren erreichbar und haben lange Wartelisten. Niedrigschwellige Gruppenangebote und die Schulung von Fachkräften und Ehrenamtlichen können die Wartezeit überbrücken.",
          ),
          ul("l1", [
            "Stabilisierungsgruppen in den Herkunftssprachen",
            "Fortbildungen zu Traumapädagogik für Kitas und Schulen",
            "Supervision und Austausch für Ehrenamtliche",
          ]),
        ],
        (keep) => [
          keep("p1"),
          keep("p2"),
          keep("l1"),
          p(
            "p3n",
            "Seit 2023 bietet ein Psychosoziales Zentrum einmal im Monat eine Außensprechstunde im Landratsamt an. Die Nachfrage übersteigt das Angebot deutlich. Die Fortschreibung sieht deshalb eine wöchentliche Sprechstunde vor, ergänzt um Angebote für Kinder und Jugendliche.",
          ),
        ],
      ),
      section("gesundheit-alter", "Älterwerden und Pflege", [
        p(
          "p1",
          "Die Generation der angeworbenen Arbeitskräfte aus der Türkei, Italien, Griechenland und dem ehemaligen Jugoslawien ist im Rentenalter. Viele sind geblieben, pendeln zwischen zwei Ländern oder werden von ihren Familien versorgt.",
        ),
        p(
          "p2",
          "Pflegeberatung, Tagespflege und ambulante Dienste werden von älteren Migrantinnen und Migranten bisher wenig genutzt. Kultursensible Pflege berücksichtigt Sprache, Ernährung, religiöse Praxis und Vorstellungen von Scham und Familie.",
        ),
        ul("l1", [
          "Sprechstunden des Pflegestützpunkts in Kulturvereinen und Moscheegemeinden",
          "Gewinnung mehrsprachiger Pflegekräfte für ambulante Dienste",
          "Fortbildungen zu kultursensibler Pflege für Pflegeeinrichtungen",
        ]),
      ]),
    ],
    proposals: [
      {
        title: "Kostenübernahme für Dolmetschleistungen in Arztpraxen",
        description:
          "Der Landkreis prüft gemeinsam mit der Kreisärzteschaft, wie Dolmetscheinsätze in Haus- und Kinderarztpraxen zumindest in einem Modellprojekt finanziert werden können.",
        responsibleActor: "Landratsamt Göppingen – Gesundheitsamt",
      },
      {
        title: "Gesundheitslotsinnen in allen Raumschaften",
        description:
          "Das Projekt der Gesundheitslotsinnen und Gesundheitslotsen wird aus den Städten in den ländlichen Raum ausgeweitet, mit Schwerpunkt auf Frauen- und Kindergesundheit.",
      },
      {
        title: "Wöchentliche Sprechstunde für traumatisierte Geflüchtete",
        description:
          "Die monatliche Außensprechstunde eines Psychosozialen Zentrums wird zu einem wöchentlichen Angebot ausgebaut und um eine Gruppe für Jugendliche ergänzt.",
        responsibleActor: "Landratsamt Göppingen mit Freien Trägern",
      },
    ],
    measures: [
      {
        title: "Sprachmittlerpool des Landkreises",
        responsibleActor: "Landratsamt Göppingen – Kreissozialamt und Gesundheitsamt",
        timeline: "Aufbau 2022–2023, danach Regelbetrieb",
        status: "done",
      },
      {
        title: "Informationsabende des Pflegestützpunkts in Migrant*innenorganisationen",
        responsibleActor: "Pflegestützpunkt Landkreis Göppingen",
        timeline: "ab 2023, zweimal jährlich",
        status: "in_progress",
      },
    ],
  },

  // -------------------------------------------------------------------------
  // 6 Zusammenleben
  // -------------------------------------------------------------------------
  {
    key: "zusammenleben",
    title: "Zusammenleben",
    intro:
      "Gutes Zusammenleben entsteht durch Begegnung, Engagement und gleiche Rechte. Das Kapitel behandelt Ehrenamt, Teilhabe und Mitsprache, Schutz vor Diskriminierung sowie Kultur und Sport.",
    sections: [
      section(
        "zusammenleben-engagement",
        "Bürgerschaftliches Engagement",
        [
          p(
            "p1",
            "Seit 2015 sind in nahezu allen Städten und Gemeinden Helferkreise entstanden. Ehrenamtliche begleiten zu Behörden, geben Nachhilfe, organisieren Sprachcafés und Fahrradwerkstätten. Dieses Engagement ist eine tragende Säule der Integrationsarbeit im Landkreis.",
          ),
          p(
            "p2",
            "Viele Helferkreise berichten von Erschöpfung und Nachwuchssorgen. Damit Engagement dauerhaft bleibt, braucht es hauptamtliche Ansprechpersonen, Fortbildung und Anerkennung.",
          ),
          ul("l1", [
            "Koordination des Ehrenamts im Landratsamt",
            "jährlicher Tag des Ehrenamts in der Integrationsarbeit",
            "Fortbildungen zu Asylrecht, Kommunikation und Selbstfürsorge",
            "Erstattung von Auslagen für Fahrten und Material",
          ]),
        ],
        (keep) => [
          keep("p1"),
          p(
            "p2",
            "Viele Helferkreise berichten von Erschöpfung und Nachwuchssorgen. Damit Engagement dauerhaft bleibt, braucht es hauptamtliche Ansprechpersonen, Fortbildung und Anerkennung. Erfreulich ist, dass sich zunehmend Zugewanderte selbst engagieren, etwa als Sprachmittlerinnen, Mentoren oder Übungsleiterinnen im Sportverein.",
          ),
          keep("l1"),
          p(
            "p3n",
            "Die Aufnahme Schutzsuchender aus der Ukraine im Jahr 2022 hat viele Menschen neu für das Ehrenamt gewonnen, darunter Gastfamilien. Die Fortschreibung will diese Engagierten mit den bestehenden Helferkreisen vernetzen.",
          ),
        ],
      ),
      section(
        "zusammenleben-teilhabe",
        "Teilhabe und Mitsprache",
        [
          p(
            "p1",
            "Menschen mit der Staatsangehörigkeit eines Staates außerhalb der Europäischen Union dürfen bei Kommunalwahlen nicht wählen. Umso wichtiger sind andere Formen der Mitsprache: Integrationsbeiräte, die Beteiligung von Migrant*innenorganisationen und die interkulturelle Öffnung von Verwaltung und Vereinen.",
          ),
          ul("l1", [
            "Integrationsbeiräte oder vergleichbare Gremien in den größeren Städten",
            "Beratung und Förderung von Migrant*innenorganisationen",
            "Information über die Einbürgerung und ihre Voraussetzungen",
            "mehr Beschäftigte mit Migrationshintergrund in der Kreisverwaltung",
          ]),
          p(
            "p2",
            "Migrant*innenorganisationen kennen die Anliegen ihrer Mitglieder und erreichen Menschen, die von Behörden kaum erreicht werden. Sie sollen als Partner in Netzwerken und Gremien mitwirken, nicht nur als Zielgruppe.",
          ),
        ],
        (keep) => [
          keep("p1"),
          keep("l1"),
          keep("p2"),
          p(
            "p3n",
            "Seit dem Inkrafttreten des neuen Staatsangehörigkeitsrechts im Juni 2024 ist die Einbürgerung bereits nach fünf Jahren möglich, und die bisherige Staatsangehörigkeit muss in der Regel nicht mehr aufgegeben werden. Die Zahl der Anträge ist deutlich gestiegen. Die Einbürgerungsbehörde soll so ausgestattet werden, dass Anträge in angemessener Zeit bearbeitet werden.",
          ),
        ],
      ),
      section(
        "zusammenleben-diskriminierung",
        "Schutz vor Diskriminierung und Rassismus",
        [
          p(
            "p1",
            "Menschen mit Migrationshintergrund erleben Benachteiligung bei der Wohnungssuche, bei Bewerbungen, im Alltag und im Kontakt mit Behörden. Rassistische Anfeindungen verunsichern die Betroffenen und beschädigen das Vertrauen in die Gesellschaft.",
          ),
          ul("l1", [
            "Verweisberatung an Antidiskriminierungsstellen in der Region",
            "Schulungen für Beschäftigte der Verwaltung zu Vielfalt und Diskriminierung",
            "Projekte an Schulen, etwa im Netzwerk „Schule ohne Rassismus – Schule mit Courage“",
            "Beteiligung an den Internationalen Wochen gegen Rassismus",
          ]),
          p(
            "p2",
            "Der Landkreis bekennt sich zu einer Kultur der Vielfalt und Anerkennung. Betroffene sollen wissen, an wen sie sich wenden können, und erleben, dass ihre Beschwerden ernst genommen werden.",
          ),
        ],
        (keep) => [
          keep("p1"),
          keep("l1"),
          keep("p2"),
          p(
            "p3n",
            "Bisher gibt es im Landkreis keine eigene Antidiskriminierungsberatung; Ratsuchende müssen nach Stuttgart oder Ulm ausweichen. Die Fortschreibung sieht vor, gemeinsam mit einem Freien Träger eine Beratungsstelle aufzubauen und dafür Fördermittel des Landes zu beantragen.",
          ),
        ],
      ),
      section("zusammenleben-begegnung", "Kultur, Sport und Begegnung", [
        p(
          "p1",
          "Sportvereine, Musikvereine, Kirchen- und Moscheegemeinden sowie Kulturvereine sind Orte, an denen Menschen unterschiedlicher Herkunft einander begegnen. Ein großer Teil der Integration geschieht hier ganz selbstverständlich.",
        ),
        ul("l1", [
          "Interkulturelle Woche mit Veranstaltungen in mehreren Städten und Gemeinden",
          "Schnuppertage der Vereine für Neuzugezogene",
          "Übernahme von Mitgliedsbeiträgen über das Bildungs- und Teilhabepaket",
          "interreligiöse Gesprächskreise und gemeinsame Feste",
        ]),
        p(
          "p2",
          "Vereine sollen ermutigt werden, sich zu öffnen und Menschen mit Migrationshintergrund auch für Vorstandsämter und als Übungsleitungen zu gewinnen.",
        ),
      ]),
    ],
    proposals: [
      {
        title: "Antidiskriminierungsberatung im Landkreis",
        description:
          "Aufbau einer Beratungsstelle, die Betroffene berät, Fälle dokumentiert und Verwaltung, Schulen und Betriebe zu Diskriminierungsschutz schult.",
        responsibleActor: "Freie Träger mit Förderung des Landes",
      },
      {
        title: "Kreisweiter Integrationsbeirat",
        description:
          "Ein Beirat aus Vertreterinnen und Vertretern der Migrant*innenorganisationen berät den Kreistag und die Verwaltung in Fragen der Integration und wird vor wichtigen Entscheidungen gehört.",
        responsibleActor: "Kreistag Göppingen",
      },
      {
        title: "Einbürgerungsfeier des Landkreises",
        description:
          "Neu eingebürgerte Bürgerinnen und Bürger werden einmal im Jahr zu einer Feier mit dem Landrat eingeladen, um die Einbürgerung als Teil der Willkommenskultur zu würdigen.",
      },
    ],
    measures: [
      {
        title: "Koordinationsstelle Ehrenamt im Landratsamt",
        responsibleActor: "Landratsamt Göppingen – Kreissozialamt",
        timeline: "seit 2022",
        status: "in_progress",
      },
      {
        title: "Interkulturelle Woche im Landkreis",
        responsibleActor: "Integrationsbeauftragte mit Städten, Gemeinden und Vereinen",
        timeline: "jährlich im September",
        status: "in_progress",
      },
      {
        title: "Schulungsreihe interkulturelle Kompetenz für die Kreisverwaltung",
        responsibleActor: "Landratsamt Göppingen – Personalverwaltung",
        timeline: "2023–2024",
        status: "done",
      },
    ],
  },

  // -------------------------------------------------------------------------
  // 7 Monitoring
  // -------------------------------------------------------------------------
  {
    key: "monitoring",
    title: "Monitoring",
    intro:
      "Ein Plan wirkt nur, wenn seine Umsetzung überprüft wird. Das Kapitel beschreibt Ziele und Indikatoren des Monitorings sowie Berichterstattung und Fortschreibung.",
    sections: [
      section("monitoring-ziele", "Ziele des Monitorings", [
        p(
          "p1",
          "Das Integrationsmonitoring soll zeigen, ob sich die Teilhabechancen von Menschen mit und ohne Migrationshintergrund angleichen. Es macht Fortschritte sichtbar, zeigt Handlungsbedarf auf und ist Grundlage für die Fortschreibung des Plans.",
        ),
        p(
          "p2",
          "Daten auf Kreisebene sind nur begrenzt verfügbar. Viele Statistiken erfassen lediglich die Staatsangehörigkeit, nicht den Migrationshintergrund. Das Monitoring verbindet deshalb amtliche Daten mit Angaben der Träger und mit Rückmeldungen aus dem Netzwerk Integration.",
        ),
        ul("l1", [
          "wenige, aussagekräftige Kennzahlen statt umfangreicher Tabellen",
          "Entwicklung über mehrere Jahre statt Momentaufnahme",
          "ausschließlich zusammengefasste Daten, keine Angaben zu einzelnen Personen",
          "gemeinsame Bewertung der Ergebnisse mit den beteiligten Akteuren",
        ]),
      ]),
      section(
        "monitoring-indikatoren",
        "Indikatoren",
        [
          p(
            "p1",
            "Für jedes Handlungsfeld werden ausgewählte Indikatoren jährlich erhoben. Ausgangswert ist jeweils das Jahr 2022.",
          ),
          table(
            "t1",
            ["Handlungsfeld", "Indikator", "Datenquelle"],
            [
              ["Wohnen", "durchschnittliche Verweildauer in der Anschlussunterbringung", "Städte und Gemeinden"],
              ["Bildung", "Anteil ausländischer Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss", "Statistisches Landesamt"],
              ["Arbeit", "Arbeitslosenquote von Ausländerinnen und Ausländern", "Agentur für Arbeit"],
              ["Gesundheit", "Einsätze des Sprachmittlerpools", "Landratsamt"],
              ["Zusammenleben", "Zahl der Einbürgerungen", "Einbürgerungsbehörde"],
            ],
          ),
          p(
            "p2",
            "Die Indikatoren ersetzen nicht das Gespräch mit den Beteiligten. Sie geben Hinweise, die im Netzwerk Integration gemeinsam gedeutet werden.",
          ),
        ],
        (keep) => [
          p(
            "p1",
            "Für jedes Handlungsfeld werden ausgewählte Indikatoren jährlich erhoben. Ausgangswert ist das Jahr 2022; die Fortschreibung weist die Entwicklung bis einschließlich 2024 aus und ergänzt zwei neue Indikatoren.",
          ),
          table(
            "t1",
            ["Handlungsfeld", "Indikator", "Datenquelle"],
            [
              ["Wohnen", "durchschnittliche Verweildauer in der Anschlussunterbringung", "Städte und Gemeinden"],
              ["Bildung", "Anteil ausländischer Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss", "Statistisches Landesamt"],
              ["Bildung", "Wartezeit auf einen Platz in einer Vorbereitungsklasse", "Staatliches Schulamt"],
              ["Arbeit", "Arbeitslosenquote von Ausländerinnen und Ausländern", "Agentur für Arbeit"],
              ["Gesundheit", "Einsätze des Sprachmittlerpools", "Landratsamt"],
              ["Zusammenleben", "Zahl der Einbürgerungen", "Einbürgerungsbehörde"],
              ["Zusammenleben", "Zahl der aktiven Ehrenamtlichen in Helferkreisen", "Abfrage bei den Helferkreisen"],
            ],
          ),
          keep("p2"),
        ],
      ),
      section(
        "monitoring-bericht",
        "Berichterstattung und Fortschreibung",
        [
          p(
            "p1",
            "Die Integrationsbeauftragte berichtet dem zuständigen Ausschuss des Kreistags alle zwei Jahre über den Stand der Umsetzung. Der Bericht stellt die Entwicklung der Indikatoren und den Stand der Maßnahmen dar.",
          ),
          ol("l1", [
            "Erhebung der Indikatoren und Abfrage bei den verantwortlichen Stellen",
            "Auswertung im Netzwerk Integration",
            "Bericht im Ausschuss des Kreistags",
            "bei Bedarf Anpassung der Maßnahmen",
          ]),
          p(
            "p2",
            "Spätestens nach zehn Jahren wird der Plan grundlegend fortgeschrieben, bei wesentlichen Veränderungen auch früher.",
          ),
        ],
        (keep) => [
          p(
            "p1",
            "Die Integrationsbeauftragte berichtet dem zuständigen Ausschuss des Kreistags künftig jährlich über den Stand der Umsetzung. Der Bericht stellt die Entwicklung der Indikatoren und den Stand der Maßnahmen dar und wird anschließend veröffentlicht.",
          ),
          keep("l1"),
          p(
            "p2",
            "Spätestens nach zehn Jahren wird der Plan grundlegend fortgeschrieben, bei wesentlichen Veränderungen auch früher. Die Fortschreibung erfolgt über die digitale Beteiligungsplattform; der Umsetzungsstand der Maßnahmen ist dort öffentlich einsehbar.",
          ),
        ],
      ),
    ],
    proposals: [
      {
        title: "Öffentliche Übersicht der Indikatoren",
        description:
          "Die Indikatoren und ihre Entwicklung werden auf der Internetseite des Landkreises in einer leicht verständlichen Übersicht veröffentlicht und jährlich aktualisiert.",
        responsibleActor: "Landratsamt Göppingen – Integrationsbeauftragte",
      },
      {
        title: "Indikatoren nach Geschlecht auswerten",
        description:
          "Wo die Daten es erlauben, werden alle Indikatoren getrennt für Frauen und Männer ausgewiesen, damit unterschiedliche Lebenslagen sichtbar werden.",
      },
    ],
    measures: [
      {
        title: "Integrationsbericht mit Indikatoren",
        responsibleActor: "Landratsamt Göppingen – Integrationsbeauftragte",
        timeline: "ab 2024, alle zwei Jahre",
        status: "in_progress",
      },
      {
        title: "Abfrage des Umsetzungsstands bei den Städten und Gemeinden",
        responsibleActor: "Landratsamt Göppingen – Integrationsbeauftragte",
        timeline: "2024",
        status: "done",
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Edition 2011 (five fields of action)
// ---------------------------------------------------------------------------

export const chapters2011: {
  key: string;
  title: string;
  intro: string;
  sections: { key: string; title: string; blocks: SeedBlock[] }[];
}[] = [
  {
    key: "sprache-bildung",
    title: "Deutsche Sprache / schulische Bildung",
    intro:
      "Gute Deutschkenntnisse und ein erfolgreicher Schulbesuch sind die Grundlage für Integration. Das Handlungsfeld bündelt Angebote vom Kindergarten bis zum Sprachkurs für Erwachsene.",
    sections: [
      {
        key: "hf2011-sprachfoerderung",
        title: "Sprachförderung in Kindergarten und Schule",
        blocks: [
          p(
            "p1",
            "Kinder mit nichtdeutscher Familiensprache sollen bis zur Einschulung so gut Deutsch sprechen, dass sie dem Unterricht folgen können. Die Sprachstandserhebung im Kindergarten wird genutzt, um Förderbedarf frühzeitig zu erkennen.",
          ),
          ul("l1", [
            "Sprachförderung im Kindergarten im Rahmen der Landesprogramme",
            "Hausaufgabenbetreuung an Grund- und Hauptschulen",
            "Fortbildung von Erzieherinnen zu Zweitspracherwerb",
          ]),
        ],
      },
      {
        key: "hf2011-sprachkurse",
        title: "Deutschkurse für Erwachsene",
        blocks: [
          p(
            "p1",
            "Die Integrationskurse des Bundes werden im Landkreis von mehreren Trägern angeboten. Ergänzend sollen Mütterkurse an Schulen und Kindergärten Frauen erreichen, die an den Integrationskursen bisher nicht teilnehmen.",
          ),
        ],
      },
    ],
  },
  {
    key: "ausbildung-beschaeftigung",
    title: "Berufliche Aus- und Weiterbildung, Beschäftigung und Wirtschaft",
    intro:
      "Jugendliche mit Migrationshintergrund sollen die gleichen Chancen auf einen Ausbildungsplatz haben wie ihre Mitschülerinnen und Mitschüler. Erwachsene sollen ihre Qualifikationen nutzen können.",
    sections: [
      {
        key: "hf2011-uebergang",
        title: "Übergang von der Schule in den Beruf",
        blocks: [
          p(
            "p1",
            "Der Anteil der Jugendlichen mit Migrationshintergrund, die nach der Schule direkt eine Ausbildung beginnen, ist deutlich niedriger als bei anderen Jugendlichen. Berufsorientierung an den Schulen und die Ansprache der Eltern sollen verstärkt werden.",
          ),
          ul("l1", [
            "Bewerbungstraining und Betriebspraktika ab Klasse 8",
            "Ausbildungspaten aus Betrieben und Kammern",
            "Elternabende zur dualen Ausbildung mit Unterstützung der Kulturvereine",
          ]),
        ],
      },
      {
        key: "hf2011-wirtschaft",
        title: "Beschäftigung und Wirtschaft",
        blocks: [
          p(
            "p1",
            "Betriebe von Unternehmerinnen und Unternehmern mit Migrationshintergrund sind ein wichtiger Teil der Wirtschaft im Landkreis. Sie sollen stärker für die Ausbildung gewonnen und über Förderangebote informiert werden.",
          ),
        ],
      },
    ],
  },
  {
    key: "wohnen-gesundheit-alter",
    title: "Wohnen, Gesundheit, Alter",
    intro:
      "Das Handlungsfeld verbindet die Themen Wohnumfeld, Gesundheitsvorsorge und die Situation älterer Migrantinnen und Migranten.",
    sections: [
      {
        key: "hf2011-wohnen",
        title: "Wohnen und Wohnumfeld",
        blocks: [
          p(
            "p1",
            "In einigen Wohngebieten der größeren Städte leben überdurchschnittlich viele Familien mit Migrationshintergrund. Ziel ist ein gutes nachbarschaftliches Miteinander und eine Aufwertung des Wohnumfelds, etwa durch Programme der sozialen Stadterneuerung.",
          ),
        ],
      },
      {
        key: "hf2011-alter",
        title: "Gesundheit und Älterwerden",
        blocks: [
          p(
            "p1",
            "Immer mehr ehemalige Gastarbeiterinnen und Gastarbeiter erreichen das Rentenalter. Altenhilfe und Pflege sind auf diese Gruppe bisher wenig eingestellt.",
          ),
          ul("l1", [
            "Informationsveranstaltungen zu Pflegeversicherung und Vorsorge in Kulturvereinen",
            "mehrsprachige Informationsblätter des Gesundheitsamts",
            "interkulturelle Fortbildung für Pflegekräfte",
          ]),
        ],
      },
    ],
  },
  {
    key: "familie-kinder-jugend",
    title: "Familie, Kinder und Jugendliche",
    intro:
      "Familien sind der erste Ort der Integration. Das Handlungsfeld richtet sich an Eltern, Kinder und Jugendliche und an die Einrichtungen, die sie begleiten.",
    sections: [
      {
        key: "hf2011-familie",
        title: "Familien stärken",
        blocks: [
          p(
            "p1",
            "Eltern mit Migrationshintergrund werden von Angeboten der Familienbildung bisher schlecht erreicht. Elterncafés in Kindergärten und Schulen sowie Hausbesuchsprogramme sollen den Zugang erleichtern.",
          ),
        ],
      },
      {
        key: "hf2011-jugend",
        title: "Offene Jugendarbeit",
        blocks: [
          p(
            "p1",
            "Jugendhäuser und Jugendverbände sollen sich stärker für Jugendliche mit Migrationshintergrund öffnen. Jugendliche mit eigener Zuwanderungsgeschichte sollen als Gruppenleiterinnen und Gruppenleiter gewonnen werden.",
          ),
          ul("l1", [
            "Qualifizierung zur Jugendleiter-Card für junge Migrantinnen und Migranten",
            "gemeinsame Projekte von Jugendhäusern und Migrantenvereinen",
          ]),
        ],
      },
    ],
  },
  {
    key: "zusammenleben",
    title: "Zusammenleben",
    intro:
      "Integration gelingt, wenn Menschen einander kennen und gemeinsam Verantwortung übernehmen. Das Handlungsfeld umfasst Begegnung, Ehrenamt und Beteiligung.",
    sections: [
      {
        key: "hf2011-begegnung",
        title: "Begegnung und Beteiligung",
        blocks: [
          p(
            "p1",
            "Vereine, Kirchengemeinden und Migrantenvereine sollen stärker zusammenarbeiten. Migrantenvereine sollen bei kommunalen Festen und in örtlichen Arbeitskreisen mitwirken.",
          ),
          ul("l1", [
            "Tag der offenen Tür in Moscheen und Kulturvereinen",
            "Interkulturelle Woche im Landkreis",
            "Ehrenamtliche Integrationsbegleiterinnen und Integrationsbegleiter",
          ]),
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Municipalities, stakeholder groups, organisations
// ---------------------------------------------------------------------------

export const municipalities: string[] = [
  "Adelberg",
  "Aichelberg",
  "Albershausen",
  "Bad Boll",
  "Bad Ditzenbach",
  "Bad Überkingen",
  "Birenbach",
  "Böhmenkirch",
  "Börtlingen",
  "Deggingen",
  "Donzdorf",
  "Drackenstein",
  "Dürnau",
  "Ebersbach an der Fils",
  "Eislingen/Fils",
  "Eschenbach",
  "Gammelshausen",
  "Geislingen an der Steige",
  "Gingen an der Fils",
  "Göppingen",
  "Gruibingen",
  "Hattenhofen",
  "Heiningen",
  "Hohenstadt",
  "Kuchen",
  "Lauterstein",
  "Mühlhausen im Täle",
  "Ottenbach",
  "Rechberghausen",
  "Salach",
  "Schlat",
  "Schlierbach",
  "Süßen",
  "Uhingen",
  "Wäschenbeuren",
  "Wangen",
  "Wiesensteig",
  "Zell unter Aichelberg",
];

export const stakeholderGroups: { key: GroupKey; nameDe: string; nameEn: string }[] = [
  { key: "kreistag", nameDe: "Kreistag", nameEn: "County council" },
  { key: "kommunen", nameDe: "Städte und Gemeinden", nameEn: "Cities and municipalities" },
  { key: "institutionen", nameDe: "Öffentliche Institutionen und Einrichtungen", nameEn: "Public institutions and facilities" },
  { key: "traeger", nameDe: "Freie Träger und Verbände", nameEn: "Welfare organisations and associations" },
  { key: "migrantenorganisationen", nameDe: "Migrant*innenorganisationen", nameEn: "Migrant organisations" },
  { key: "ehrenamt", nameDe: "Ehrenamtlich Engagierte", nameEn: "Volunteers" },
];

export const organisations: { key: string; name: string; group: GroupKey; municipality?: string }[] = [
  // Städte und Gemeinden
  { key: "stadt-goeppingen", name: "Stadt Göppingen", group: "kommunen", municipality: "Göppingen" },
  { key: "stadt-geislingen", name: "Stadt Geislingen an der Steige", group: "kommunen", municipality: "Geislingen an der Steige" },
  { key: "stadt-eislingen", name: "Stadt Eislingen/Fils", group: "kommunen", municipality: "Eislingen/Fils" },
  { key: "stadt-donzdorf", name: "Stadt Donzdorf", group: "kommunen", municipality: "Donzdorf" },
  { key: "stadt-suessen", name: "Stadt Süßen", group: "kommunen", municipality: "Süßen" },
  { key: "stadt-ebersbach", name: "Stadt Ebersbach an der Fils", group: "kommunen", municipality: "Ebersbach an der Fils" },
  { key: "stadt-uhingen", name: "Stadt Uhingen", group: "kommunen", municipality: "Uhingen" },
  { key: "gemeinde-salach", name: "Gemeinde Salach", group: "kommunen", municipality: "Salach" },
  { key: "gemeinde-bad-boll", name: "Gemeinde Bad Boll", group: "kommunen", municipality: "Bad Boll" },
  // Öffentliche Institutionen und Einrichtungen
  { key: "lra-kreissozialamt", name: "Landratsamt Göppingen – Kreissozialamt", group: "institutionen", municipality: "Göppingen" },
  { key: "lra-gesundheitsamt", name: "Landratsamt Göppingen – Gesundheitsamt", group: "institutionen", municipality: "Göppingen" },
  { key: "agentur-arbeit", name: "Agentur für Arbeit Göppingen", group: "institutionen", municipality: "Göppingen" },
  { key: "jobcenter", name: "Jobcenter Landkreis Göppingen", group: "institutionen", municipality: "Göppingen" },
  { key: "schulamt", name: "Staatliches Schulamt Göppingen", group: "institutionen", municipality: "Göppingen" },
  // Freie Träger und Verbände
  { key: "caritas", name: "Caritas Fils-Neckar-Alb", group: "traeger" },
  { key: "kreisdiakonie", name: "Kreisdiakonieverband im Landkreis Göppingen", group: "traeger", municipality: "Göppingen" },
  { key: "awo", name: "AWO Kreisverband Göppingen", group: "traeger", municipality: "Göppingen" },
  { key: "drk", name: "DRK Kreisverband Göppingen", group: "traeger", municipality: "Göppingen" },
  // Migrant*innenorganisationen (invented)
  { key: "tdkv-goeppingen", name: "Türkisch-Deutscher Kulturverein Göppingen e. V.", group: "migrantenorganisationen", municipality: "Göppingen" },
  { key: "italienischer-elternverein", name: "Italienischer Elternverein Geislingen e. V.", group: "migrantenorganisationen", municipality: "Geislingen an der Steige" },
  { key: "syrisch-deutscher-verein", name: "Syrisch-Deutscher Begegnungsverein Filstal e. V.", group: "migrantenorganisationen", municipality: "Eislingen/Fils" },
  { key: "ukrainische-gemeinschaft", name: "Ukrainische Gemeinschaft Göppingen e. V.", group: "migrantenorganisationen", municipality: "Göppingen" },
  // Ehrenamtlich Engagierte (invented)
  { key: "fk-asyl-eislingen", name: "Freundeskreis Asyl Eislingen", group: "ehrenamt", municipality: "Eislingen/Fils" },
  { key: "helferkreis-donzdorf", name: "Helferkreis Flüchtlinge Donzdorf", group: "ehrenamt", municipality: "Donzdorf" },
  { key: "ak-integration-suessen", name: "Arbeitskreis Integration Süßen", group: "ehrenamt", municipality: "Süßen" },
];

// ---------------------------------------------------------------------------
// Demo accounts (only seeded in demo mode)
// ---------------------------------------------------------------------------

export const demoPassword = "planwerk-demo";

export const demoUsers: {
  key: string;
  email: string;
  name: string;
  role: "officer" | "council" | "stakeholder";
  group: GroupKey;
  organisation?: string;
  municipality?: string;
  displayMode: "name_and_org" | "org_only" | "private";
}[] = [
  {
    key: "beauftragte",
    email: "beauftragte@planwerk.example",
    name: "Sabine Kächele",
    role: "officer",
    group: "institutionen",
    organisation: "lra-kreissozialamt",
    municipality: "Göppingen",
    displayMode: "name_and_org",
  },
  {
    key: "kreisrat1",
    email: "kreisrat1@planwerk.example",
    name: "Jürgen Haußmann",
    role: "council",
    group: "kreistag",
    municipality: "Uhingen",
    displayMode: "name_and_org",
  },
  {
    key: "kreisraetin2",
    email: "kreisraetin2@planwerk.example",
    name: "Derya Aksoy",
    role: "council",
    group: "kreistag",
    municipality: "Geislingen an der Steige",
    displayMode: "name_and_org",
  },
  {
    key: "stadt-goeppingen",
    email: "stadt-goeppingen@planwerk.example",
    name: "Markus Frey",
    role: "stakeholder",
    group: "kommunen",
    organisation: "stadt-goeppingen",
    municipality: "Göppingen",
    displayMode: "name_and_org",
  },
  {
    key: "stadt-geislingen",
    email: "stadt-geislingen@planwerk.example",
    name: "Giulia Esposito",
    role: "stakeholder",
    group: "kommunen",
    organisation: "stadt-geislingen",
    municipality: "Geislingen an der Steige",
    displayMode: "name_and_org",
  },
  {
    key: "jobcenter",
    email: "jobcenter@planwerk.example",
    name: "Stefanie Bauer",
    role: "stakeholder",
    group: "institutionen",
    organisation: "jobcenter",
    municipality: "Göppingen",
    displayMode: "org_only",
  },
  {
    key: "caritas",
    email: "caritas@planwerk.example",
    name: "Thomas Weißhaupt",
    role: "stakeholder",
    group: "traeger",
    organisation: "caritas",
    displayMode: "name_and_org",
  },
  {
    key: "kulturverein",
    email: "kulturverein@planwerk.example",
    name: "Mehmet Yıldız",
    role: "stakeholder",
    group: "migrantenorganisationen",
    organisation: "tdkv-goeppingen",
    municipality: "Göppingen",
    displayMode: "name_and_org",
  },
  {
    key: "elternverein",
    email: "elternverein@planwerk.example",
    name: "Francesca Romano",
    role: "stakeholder",
    group: "migrantenorganisationen",
    organisation: "italienischer-elternverein",
    municipality: "Geislingen an der Steige",
    displayMode: "org_only",
  },
  {
    key: "ehrenamt",
    email: "ehrenamt@planwerk.example",
    name: "Olena Hrytsenko",
    role: "stakeholder",
    group: "ehrenamt",
    municipality: "Eislingen/Fils",
    displayMode: "private",
  },
];
