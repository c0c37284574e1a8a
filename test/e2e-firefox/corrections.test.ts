// test/spec/corrections.spec.ts in Firefox ESR: "Not this" corrections honoured at once and after a
// reload, listed in the manager, undone there, and carried in backups.
import { describe } from 'vitest';
import { correctionsSpec } from '../spec/corrections.spec';
import { withGloss } from '../spec/gloss.spec';
import { firefoxDriver } from './driver';

describe('corrections from the card, in Firefox', () => correctionsSpec(withGloss(firefoxDriver)));
