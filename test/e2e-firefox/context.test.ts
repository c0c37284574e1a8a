// test/spec/context.spec.ts in Firefox ESR: context keeps team names from being marked as the city.
import { describe } from 'vitest';
import { contextSpec } from '../spec/context.spec';
import { withGloss } from '../spec/gloss.spec';
import { firefoxDriver } from './driver';

describe('context decides what a name means, in Firefox', () => contextSpec(withGloss(firefoxDriver)));
