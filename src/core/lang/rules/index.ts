import type { LanguageRules } from '../types';
import { cs } from './cs';
import { de } from './de';
import { fr } from './fr';
import { hu } from './hu';
import { pl } from './pl';
import { ru } from './ru';
import { uk } from './uk';

/** Every language with inflection rules, by primary subtag. */
export const LANGUAGE_RULES: Readonly<Record<string, LanguageRules>> = { cs, de, fr, hu, pl, ru, uk };
