// Well-known short forms that name one thing: "US", "U.S.", "United States", "United States of
// America". Data, kept small on purpose: only forms news writing uses for one thing and (almost)
// nothing else. A form that is also an ordinary word or another thing stays out ("America" is also
// the continent; "Holland" a province). Names are compared by nameKey (case, accents and dots aside).
// A country-name data package could later replace the places; the table stays the override.
import { nameKey } from './names';

const GROUPS: ReadonlyArray<readonly string[]> = [
  // Places.
  ['United States', 'United States of America', 'US', 'U.S.', 'USA', 'U.S.A.'],
  [
    'United Kingdom',
    'United Kingdom of Great Britain and Northern Ireland',
    'UK',
    'U.K.',
    'Great Britain',
    'Britain',
  ],
  ['Russia', 'Russian Federation'],
  ['China', "People's Republic of China", 'PRC'],
  ['United Arab Emirates', 'UAE', 'U.A.E.'],
  ['Democratic Republic of the Congo', 'DR Congo', 'DRC'],
  ['Czech Republic', 'Czechia'],
  ['Turkey', 'Türkiye'],
  ['Ivory Coast', "Côte d'Ivoire"],
  ['North Korea', "Democratic People's Republic of Korea", 'DPRK'],
  ['South Korea', 'Republic of Korea'],
  // Organisations.
  ['United Nations', 'UN', 'U.N.'],
  ['European Union', 'EU', 'E.U.'],
  ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'NATO'],
];

// Keys of one group map to the group's first name's key, marked so it cannot clash with a real name.
const CLASS = new Map<string, string>();
for (const group of GROUPS) {
  const canonical = `=${nameKey(group[0] as string)}`;
  for (const name of group) CLASS.set(nameKey(name), canonical);
}

/** The key a name links by: its class in the table for well-known short forms, else its own key. */
export function linkKey(name: string): string {
  return classKey(nameKey(name));
}

/** linkKey for a name already turned into its nameKey. */
export function classKey(key: string): string {
  return CLASS.get(key) ?? key;
}
