// Names in other languages and their inflected forms in Firefox ESR: test/spec/languages.spec.ts.
import { withGloss } from '../spec/gloss.spec';
import { languagesSpec } from '../spec/languages.spec';
import { firefoxDriver } from './driver';

languagesSpec(withGloss(firefoxDriver));
