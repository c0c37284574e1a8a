// The shared end-to-end spec (test/spec/gloss.spec.ts) in Chromium.

import { glossSpec, withGloss } from '../spec/gloss.spec';
import { chromiumDriver } from './driver';

glossSpec(withGloss(chromiumDriver));
