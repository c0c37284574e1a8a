// test/spec/countries-pack.spec.ts in Chromium.
import { describe } from 'vitest';
import { countriesPackSpec } from '../spec/countries-pack.spec';
import { withGloss } from '../spec/gloss.spec';
import { chromiumDriver } from './driver';

describe('the "Countries of the world" pack in Chromium', () => countriesPackSpec(withGloss(chromiumDriver)));
