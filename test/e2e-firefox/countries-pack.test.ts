// test/spec/countries-pack.spec.ts in Firefox ESR.
import { describe } from 'vitest';
import { countriesPackSpec } from '../spec/countries-pack.spec';
import { withGloss } from '../spec/gloss.spec';
import { firefoxDriver } from './driver';

describe('the "Countries of the world" pack in Firefox', () => countriesPackSpec(withGloss(firefoxDriver)));
