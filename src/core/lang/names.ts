// Every form of an entity's name the matcher looks for: its name, its aliases, its labels in every
// language, and the usual transliterations between Cyrillic and Latin script (issue 14). Pages mix
// languages, so no label is kept back because of the page's language.
import cyrillicToTranslit from 'cyrillic-to-translit-js';

export interface NamedEntity {
  name: string;
  aliases: readonly string[];
  labels?: Readonly<Record<string, readonly string[]>>;
  type?: string;
}

// The library's presets hold the tables (we write none): Russian gives Столтенберг → Stoltenberg,
// Киев → Kiev; Ukrainian gives Київ → Kyiv. Created once, they are pure string functions.
const russian = cyrillicToTranslit({ preset: 'ru' });
const ukrainian = cyrillicToTranslit({ preset: 'uk' });

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
// A transliteration is kept only when it is wholly in the other script: a Ukrainian name through
// the Russian table keeps its ї ("Kiїv"), a German one reversed keeps its W ("Wиесбаден").
const onlyLatin = (s: string) => LATIN.test(s) && !CYRILLIC.test(s);
const onlyCyrillic = (s: string) => CYRILLIC.test(s) && !LATIN.test(s);

/** Latin spellings of a Cyrillic name, by the tables of the language it is in (both when unknown). */
export function latinForms(name: string, language?: string): string[] {
  if (!CYRILLIC.test(name)) return [];
  const base = language?.toLowerCase().split('-')[0];
  const tables = base === 'ru' ? [russian] : base === 'uk' ? [ukrainian] : [russian, ukrainian];
  return tables.map((t) => t.transform(name)).filter(onlyLatin);
}

/** The Russian-table Cyrillic spelling of a Latin name, when the table covers all of it. */
export function cyrillicForms(name: string): string[] {
  if (CYRILLIC.test(name) || !LATIN.test(name)) return [];
  return [russian.reverse(name)].filter(onlyCyrillic);
}

/**
 * The name first, then the aliases, the labels (in the order of their languages) and the
 * transliterations, without repeats. Latin names get a Cyrillic form only for a person without
 * labels in Russian or Ukrainian: people's names are carried over sound by sound (Stoltenberg →
 * Столтенберг), while places and organisations have names of their own there (Германия, not
 * "Джермани"), and a written label beats a derived one. A Latin-only pack (135,000 cities) so
 * gets no extra names against the knowledge caps.
 */
export function matchNames(entity: NamedEntity): string[] {
  const names = new Set<string>([entity.name, ...entity.aliases]);
  const labels = Object.entries(entity.labels ?? {});
  for (const [, list] of labels) for (const label of list) names.add(label);
  if (!labels.length && entity.type !== 'person' && !CYRILLIC.test([...names].join(''))) return [...names];
  const derived: string[] = [];
  for (const name of [entity.name, ...entity.aliases]) derived.push(...latinForms(name));
  for (const [language, list] of labels)
    for (const label of list) derived.push(...latinForms(label, language));
  const hasCyrillicLabel = labels.some(([language]) => /^(ru|uk)(-|$)/i.test(language));
  if (entity.type === 'person' && !hasCyrillicLabel)
    for (const name of [entity.name, ...entity.aliases]) derived.push(...cyrillicForms(name));
  for (const name of derived) names.add(name);
  return [...names];
}
