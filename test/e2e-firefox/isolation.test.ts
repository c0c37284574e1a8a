// The card out of the page's reach in Firefox ESR: the shared spec (test/spec/isolation.spec.ts,
// also run in Chromium), where the page must also find no trace of the frame's moz-extension://
// address, which is random per installation and so would tell the reader's browser apart.
import { withGloss } from '../spec/gloss.spec';
import { isolationSpec } from '../spec/isolation.spec';
import { firefoxDriver } from './driver';

isolationSpec(withGloss(firefoxDriver));
