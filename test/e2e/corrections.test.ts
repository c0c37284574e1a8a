// test/spec/corrections.spec.ts in Chromium: "Not this" corrections honoured at once and after a
// reload, listed in the manager, undone there, and carried in backups.
import { describe } from 'vitest';
import { correctionsSpec } from '../spec/corrections.spec';
import { withGloss } from '../spec/gloss.spec';
import { chromiumDriver } from './driver';

describe('corrections from the card, in Chromium', () => correctionsSpec(withGloss(chromiumDriver)));
