// Names capture knows before reading an article: the bundled packs' entities with their labels in
// twelve languages (countries, capitals, NATO's names), and the case forms the inflection rules make
// of them. They count as name evidence where capitals say little (German capitalises every noun),
// type what compromise's English lexicon cannot ("Ungarn", "Węgry" are places) and give a case
// form its nominative ("Niemiec" → "Niemcy" is irregular and not here, "Rosji" → "Rosja" is).
// The background already bundles both packs; this reads them, it adds no data.
import countries from '../../../assets/packs/countries-of-the-world.json';
import nato from '../../../assets/packs/nato-ukraine-2024.json';
import { inflectedForms } from '../lang/inflect';
import type { EntityType } from '../pack';
import { nameKey } from './entities';

export interface KnownName {
  /** The name as the pack writes it in the article's language (a label, else the name). */
  name: string;
  type: EntityType;
}

interface PackLike {
  entities: Array<{
    name: string;
    type: string;
    aliases?: string[];
    labels?: Record<string, string[]>;
  }>;
  facts?: Array<{ text: string; entityId: string }>;
}

const PACKS = [countries, nato] as unknown as PackLike[];

/** Per language: name key → the known name; plain names (no language) under ''. */
let byLang: Map<string, Map<string, KnownName>> | undefined;

function build(): Map<string, Map<string, KnownName>> {
  const out = new Map<string, Map<string, KnownName>>([['', new Map()]]);
  const put = (lang: string, name: string, type: EntityType) => {
    const map = out.get(lang) ?? new Map<string, KnownName>();
    out.set(lang, map);
    const key = nameKey(name);
    if (key && !map.has(key)) map.set(key, { name, type });
  };
  for (const pack of PACKS) {
    for (const e of pack.entities) {
      const type = e.type as EntityType;
      for (const name of [e.name, ...(e.aliases ?? [])]) put('', name, type);
      for (const [lang, labels] of Object.entries(e.labels ?? {}))
        for (const label of labels) put(lang.split('-')[0] as string, label, type);
    }
    // Capitals are written in the facts ("Capital: Kabul."), and most are spelled alike in Latin script.
    for (const f of pack.facts ?? []) {
      const capital = /^Capital: (.+)\.$/.exec(f.text)?.[1];
      if (capital) for (const c of capital.split(', ')) put('', c, 'place');
    }
  }
  return out;
}

/** Per language: form key → the known name (a label of the language, or a plain name) it is a case form of. */
const formsByLang = new Map<string, Map<string, KnownName>>();

function formsOf(lang: string, maps: Map<string, Map<string, KnownName>>): Map<string, KnownName> {
  let forms = formsByLang.get(lang);
  if (forms) return forms;
  forms = new Map();
  for (const known of [...(maps.get(lang)?.values() ?? []), ...(maps.get('')?.values() ?? [])])
    for (const form of inflectedForms(known.name, lang)) {
      const key = nameKey(form);
      if (!forms.has(key)) forms.set(key, known);
    }
  formsByLang.set(lang, forms);
  return forms;
}

/**
 * The known name `name` is, in text of language `lang`: the name itself in that language or with no
 * language, then a label of another language ("Ungarn" on a French page), then a case form of
 * one of the language's labels ("Rosji" → "Rosja").
 */
export function knownName(name: string, lang: string): KnownName | undefined {
  byLang ??= build();
  const key = nameKey(name);
  const own = byLang.get(lang)?.get(key) ?? byLang.get('')?.get(key);
  if (own) return own;
  for (const [other, map] of byLang) if (other !== lang && map.has(key)) return map.get(key);
  return formsOf(lang, byLang).get(key);
}
