// Names in other languages and their inflected forms in Chromium: test/spec/languages.spec.ts.
import { withGloss } from '../spec/gloss.spec';
import { languagesSpec } from '../spec/languages.spec';
import { chromiumDriver } from './driver';

languagesSpec(withGloss(chromiumDriver));
