import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, type NoteLike, notesToWebAnnotations } from '@/src/core/export';

const T0 = Date.UTC(2024, 5, 14, 9, 5);

const pageNote: NoteLike = {
  id: '5b3e0c1e-0000-4000-8000-000000000001',
  entityKey: '',
  entityName: '',
  text: 'Where exactly?',
  pageUrl: 'https://example.org/nato',
  pageTitle: 'NATO plan',
  quote: 'located in Wiesbaden',
  selector: {
    exact: 'located in Wiesbaden',
    prefix: 'assistance to Kyiv will be ',
    suffix: ' in southern Germany',
  },
  createdAt: T0 + 1000,
  updatedAt: T0 + 5000,
};
const entityNote: NoteLike = {
  id: '5b3e0c1e-0000-4000-8000-000000000002',
  entityKey: 'nato/wiesbaden',
  entityName: 'Wiesbaden',
  text: 'HQ opens in autumn',
  pageUrl: 'https://example.org/nato',
  pageTitle: 'NATO plan',
  quote: 'The headquarters will be located in Wiesbaden.',
  createdAt: T0,
  updatedAt: T0,
};

describe('notesToWebAnnotations', () => {
  const collection = notesToWebAnnotations([pageNote, entityNote], T0);

  it('is a W3C AnnotationCollection with one page of annotations, oldest first', () => {
    expect(collection['@context']).toBe(ANNO_CONTEXT);
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(2);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items.map((a) => a.id)).toEqual([
      `urn:uuid:${entityNote.id}`,
      `urn:uuid:${pageNote.id}`,
    ]);
  });

  it("targets a page note's page with its TextQuoteSelector, the note as a TextualBody", () => {
    const annotation = collection.first.items[1];
    expect(annotation).toEqual({
      id: `urn:uuid:${pageNote.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-06-14T09:05:01.000Z',
      modified: '2024-06-14T09:05:05.000Z',
      body: [{ type: 'TextualBody', value: 'Where exactly?', format: 'text/plain', purpose: 'commenting' }],
      target: {
        source: 'https://example.org/nato',
        selector: {
          type: 'TextQuoteSelector',
          exact: 'located in Wiesbaden',
          prefix: 'assistance to Kyiv will be ',
          suffix: ' in southern Germany',
        },
      },
    });
  });

  it('tags an entity note with its entity and quotes its sentence', () => {
    const annotation = collection.first.items[0];
    expect(annotation?.body[1]).toEqual({
      type: 'TextualBody',
      value: 'Wiesbaden',
      format: 'text/plain',
      purpose: 'tagging',
    });
    expect(annotation?.target.selector).toEqual({ type: 'TextQuoteSelector', exact: entityNote.quote });
  });

  it('survives a JSON round trip unchanged (plain JSON-LD, no functions or undefined)', () => {
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });
});
