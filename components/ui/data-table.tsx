export type Column<Row> = {
  key: string;
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** The cell that names the row (a th scope="row"). */
  rowHeader?: boolean;
  className?: string;
};

/**
 * A table with a caption. On narrow screens it either reflows into one card per row, each cell
 * labelled with its column ("cards"), or scrolls sideways inside its own labelled, focusable region
 * ("scroll") — never the page (WCAG 1.4.10).
 */
export function DataTable<Row>({
  id,
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  narrow = "cards",
}: {
  /** Unique on the page; the caption's id is derived from it. */
  id: string;
  caption: React.ReactNode;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  narrow?: "cards" | "scroll";
}) {
  const captionId = `${id}-caption`;
  const table = (
    <table id={id} className={`data-table data-table--${narrow}`}>
      <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
        {caption}
      </caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.className}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" className={c.className}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} className={c.className} data-label={typeof c.header === "string" ? c.header : undefined}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (narrow === "cards") return table;
  return <ScrollRegion labelledBy={captionId}>{table}</ScrollRegion>;
}

/** A wide thing that scrolls inside its own region; focusable so keyboard users can scroll it. */
export function ScrollRegion({ labelledBy, label, children }: { labelledBy?: string; label?: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="region" tabIndex={0} {...(labelledBy ? { "aria-labelledby": labelledBy } : { "aria-label": label })}>
      {children}
    </div>
  );
}
