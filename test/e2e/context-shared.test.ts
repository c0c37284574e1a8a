// test/spec/context.spec.ts in Chromium: once "Washington" (the city) is known, a page of sports
// results does not light up its team names as the city.
import { describe } from 'vitest';
import { contextSpec } from '../spec/context.spec';
import { withGloss } from '../spec/gloss.spec';
import { chromiumDriver } from './driver';

describe('context decides what a name means, in Chromium', () => contextSpec(withGloss(chromiumDriver)));
