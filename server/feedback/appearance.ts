import type { DisplayMode } from "@/db/schema/enums";

/**
 * How an author appears next to a contribution, by the author's chosen display mode: name and
 * organisation, organisation only, or "Privatperson". The group is always shown; the
 * organisation and group are those stored with the contribution (as they were when written).
 */
export type Appearance = { name: string | null; organisation: string | null; group: string; private: boolean };

export function appearanceOf(a: {
  displayMode: DisplayMode | null;
  name: string | null;
  organisation: string | null;
  group: string;
}): Appearance {
  switch (a.displayMode) {
    case "name_and_org":
      return { name: a.name, organisation: a.organisation, group: a.group, private: false };
    case "org_only":
      // Without an organisation there is nothing else to show but the group: like a private person.
      return { name: null, organisation: a.organisation, group: a.group, private: a.organisation === null };
    default:
      // "private", or no account (a workshop's or letter's input): the group only.
      return { name: null, organisation: null, group: a.group, private: a.displayMode === "private" };
  }
}
