// test/spec/knowledge-graph.spec.ts in Chromium: one identity for two packs' Russia, on the card and in the popup.
import { describe } from 'vitest';
import { withGloss } from '../spec/gloss.spec';
import { knowledgeGraphSpec } from '../spec/knowledge-graph.spec';
import { chromiumDriver } from './driver';

describe('the knowledge graph on the card and in the popup, in Chromium', () =>
  knowledgeGraphSpec(withGloss(chromiumDriver)));
