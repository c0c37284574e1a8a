// Which entities of a match count in text of a given language. Runs on pages, so it stays tiny:
// the rule data stays out of the content script (the detector, detect.ts, is ~3 KB of it).
import type { AliasMatch } from '../matcher';

/** Whether a match needs the text's language: an inflected form, tagged with the languages it counts in. */
export function needsLanguage(match: AliasMatch): boolean {
  return match.langs !== undefined;
}

/**
 * The tag of a label as written (beside its own language's): it counts in text whose language is
 * unknown too, where an inflected form does not.
 */
export const UNKNOWN_LANGUAGE = 'und';

/**
 * The match with only the entities that count in `lang` (a primary subtag, '' when unknown), or
 * null when none does. An inflected form of unknown-language text counts nowhere: a form is a
 * guess that only its language's text makes safe.
 */
export function inLanguage(match: AliasMatch, lang: string): AliasMatch | null {
  const { langs, ...plain } = match;
  if (langs === undefined) return match;
  const ids = plain.entityIds.filter((_, i) => {
    const tags = langs[i] ?? '';
    return tags === '' || ` ${tags} `.includes(` ${lang || UNKNOWN_LANGUAGE} `);
  });
  return ids.length ? { ...plain, entityIds: ids } : null;
}
