// Every Web Annotation export checked against the W3C Web Annotation Data Model's MUSTs (the
// shapes its test assertions check: annotationMusts, specificResourceMusts, collection and page
// MUSTs), for the fixtures and for random notes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, entityIri, type NoteLike, notesToWebAnnotations } from '@/src/core/export';

/** An absolute IRI (RFC 3987): a scheme, ":", then no white space or characters IRIs exclude. */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** xsd:dateTime with a time zone, as the model asks of created and modified. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const types = (value: Json) => (Array.isArray(value.type) ? value.type : [value.type]);
const many = (value: unknown) => (Array.isArray(value) ? value : [value]);

function iriProblems(where: string, value: unknown): string[] {
  if (typeof value !== 'string' || !IRI.test(value))
    return [`${where}: not an IRI (${JSON.stringify(value)})`];
  if (value.startsWith('urn:uuid:') && !URN_UUID.test(value)) return [`${where}: malformed urn:uuid`];
  if (/^urn:[^:]*:?$/.test(value) || /^urn:[^:]+:[^:]+:$/.test(value)) return [`${where}: empty URN`];
  return [];
}

function selectorProblems(where: string, selector: unknown): string[] {
  if (!isObject(selector)) return [`${where}: not an object`];
  if (selector.type !== 'TextQuoteSelector') return [`${where}.type: unknown selector type`];
  const out: string[] = [];
  if (typeof selector.exact !== 'string' || selector.exact === '')
    out.push(`${where}.exact: empty or missing`);
  for (const key of ['prefix', 'suffix'])
    if (key in selector && typeof selector[key] !== 'string') out.push(`${where}.${key}: not a string`);
  return out;
}

function targetProblems(where: string, target: unknown): string[] {
  if (typeof target === 'string') return iriProblems(where, target);
  if (!isObject(target)) return [`${where}: neither an IRI nor a resource`];
  // A SpecificResource MUST have exactly one source, an IRI; an external resource MUST have an id.
  if (!('source' in target)) return iriProblems(`${where}.id`, target.id);
  const out = iriProblems(`${where}.source`, target.source);
  if ('selector' in target)
    many(target.selector).forEach((s, i) => {
      out.push(...selectorProblems(`${where}.selector[${i}]`, s));
    });
  return out;
}

function bodyProblems(where: string, body: unknown): string[] {
  if (typeof body === 'string') return iriProblems(where, body);
  if (!isObject(body)) return [`${where}: neither an IRI nor a resource`];
  const out: string[] = [];
  if (types(body).includes('TextualBody')) {
    if (typeof body.value !== 'string') out.push(`${where}.value: a TextualBody MUST have a string value`);
  } else if (!('source' in body)) out.push(...iriProblems(`${where}.id`, body.id));
  if ('purpose' in body && !MOTIVATIONS.includes(body.purpose as string))
    out.push(`${where}.purpose: not a motivation`);
  if ('format' in body && (typeof body.format !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(body.format)))
    out.push(`${where}.format: not a media type`);
  return out;
}

function annotationProblems(where: string, annotation: unknown): string[] {
  if (!isObject(annotation)) return [`${where}: not an object`];
  const out = iriProblems(`${where}.id`, annotation.id);
  if (!types(annotation).includes('Annotation')) out.push(`${where}.type: not Annotation`);
  if ('body' in annotation && 'bodyValue' in annotation) out.push(`${where}: both body and bodyValue`);
  if ('bodyValue' in annotation && typeof annotation.bodyValue !== 'string')
    out.push(`${where}.bodyValue: not a string`);
  if ('body' in annotation)
    many(annotation.body).forEach((body, i) => {
      out.push(...bodyProblems(`${where}.body[${i}]`, body));
    });
  if (!('target' in annotation) || many(annotation.target).length === 0) out.push(`${where}.target: missing`);
  else
    many(annotation.target).forEach((target, i) => {
      out.push(...targetProblems(`${where}.target[${i}]`, target));
    });
  if ('motivation' in annotation)
    for (const m of many(annotation.motivation))
      if (!MOTIVATIONS.includes(m as string)) out.push(`${where}.motivation: unknown "${m}"`);
  for (const key of ['created', 'modified'])
    if (key in annotation && !DATE_TIME.test(String(annotation[key])))
      out.push(`${where}.${key}: not xsd:dateTime`);
  return out;
}

/** Every MUST of the model the export could break, as "path: problem" lines (none when valid). */
function webAnnotationProblems(collection: unknown): string[] {
  if (!isObject(collection)) return ['$: not an object'];
  const out: string[] = [];
  if (!many(collection['@context']).includes(ANNO_CONTEXT)) out.push('@context: lacks the anno context');
  out.push(...iriProblems('id', collection.id));
  if (!types(collection).includes('AnnotationCollection')) out.push('type: not AnnotationCollection');
  if ('label' in collection && typeof collection.label !== 'string') out.push('label: not a string');
  const total = collection.total;
  if (!Number.isInteger(total) || (total as number) < 0) out.push('total: not a non-negative integer');
  const page = collection.first;
  if (!isObject(page)) return [...out, 'first: not an AnnotationPage'];
  out.push(...iriProblems('first.id', page.id));
  if (!types(page).includes('AnnotationPage')) out.push('first.type: not AnnotationPage');
  if (!Array.isArray(page.items)) return [...out, 'first.items: not a list'];
  if (!Number.isInteger(page.startIndex) || (page.startIndex as number) < 0)
    out.push('first.startIndex: not a non-negative integer');
  if (total !== page.items.length) out.push('total: differs from the items of the only page');
  page.items.forEach((annotation, i) => {
    out.push(...annotationProblems(`first.items[${i}]`, annotation));
  });
  return out;
}

const T0 = Date.UTC(2024, 5, 14, 9, 5);
const base = { pageTitle: '', quote: '', createdAt: T0, updatedAt: T0 };
const fixtures: NoteLike[] = [
  // A page note on a selection.
  {
    ...base,
    id: '5b3e0c1e-0000-4000-8000-000000000001',
    entityKey: '',
    entityName: '',
    text: 'Where exactly?',
    pageUrl: 'https://example.org/nato',
    quote: 'located in Wiesbaden',
    selector: { exact: 'located in Wiesbaden', prefix: 'will be ', suffix: ' in southern' },
  },
  // A note from a card on a page, with its sentence.
  {
    ...base,
    id: '5b3e0c1e-0000-4000-8000-000000000002',
    entityKey: 'nato/wiesbaden',
    entityName: 'Wiesbaden',
    text: 'HQ opens in autumn',
    pageUrl: 'https://example.org/nato',
    quote: 'The headquarters will be located in Wiesbaden.',
  },
  // Written in the manager's entity page or the popup: no page at all.
  {
    ...base,
    id: '5b3e0c1e-0000-4000-8000-000000000003',
    entityKey: 'nato/wiesbaden',
    entityName: 'Wiesbaden',
    text: 'From the manager',
    pageUrl: '',
  },
  // Restored from an older backup: an id Gloss did not make, an orphaned entity, a file page.
  {
    ...base,
    id: 'imported note 7',
    entityKey: 'my-knowledge/Zürich',
    entityName: 'Zürich',
    text: 'Kept',
    pageUrl: 'file:///home/me/notes.html',
    orphaned: true,
  },
];

describe('Web Annotation export against the data model', () => {
  it('the fixtures export valid annotations; a note without a page targets its entity', () => {
    const collection = notesToWebAnnotations(fixtures, T0);
    expect(webAnnotationProblems(JSON.parse(JSON.stringify(collection)))).toEqual([]);
    const manager = collection.first.items.find((a) => a.body[0]?.value === 'From the manager');
    expect(manager?.target).toEqual({ source: 'urn:gloss:entity:nato/wiesbaden' });
    expect(entityIri('my-knowledge/Zürich')).toBe('urn:gloss:entity:my-knowledge/Z%C3%BCrich');
  });

  it('the checker itself catches the shapes the model forbids', () => {
    const good = notesToWebAnnotations(fixtures, T0);
    const broken = (change: (a: Json) => void) => {
      const copy = JSON.parse(JSON.stringify(good));
      change(copy.first.items[0]);
      return webAnnotationProblems(copy);
    };
    expect(broken((a) => ((a.target as Json).source = ''))).not.toEqual([]);
    expect(broken((a) => delete a.target)).not.toEqual([]);
    expect(broken((a) => (a.id = 'urn:uuid:not a uuid'))).not.toEqual([]);
    expect(broken((a) => (a.bodyValue = 'x'))).not.toEqual([]);
    expect(broken((a) => (((a.target as Json).selector as Json).exact = ''))).not.toEqual([]);
  });

  const text = fc.string({ unit: 'grapheme', maxLength: 40 });
  const note: fc.Arbitrary<NoteLike> = fc.record({
    id: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 30 })),
    entityKey: fc.oneof(
      fc.constant(''),
      fc.tuple(text, text).map(([p, i]) => `${p || 'p'}/${i || 'i'}`),
    ),
    entityName: text,
    text: text.filter((t) => /\S/.test(t)),
    pageUrl: fc.oneof(fc.constant(''), fc.webUrl({ withQueryParameters: true, withFragments: true }), text),
    pageTitle: text,
    quote: text,
    selector: fc.option(fc.record({ exact: text.filter((t) => /\S/.test(t)), prefix: text, suffix: text }), {
      nil: undefined,
    }),
    createdAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    updatedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  });

  it('every export of random notes is valid', () => {
    fc.assert(
      fc.property(
        fc.array(note, { maxLength: 8 }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (notes, at) => {
          const collection = JSON.parse(JSON.stringify(notesToWebAnnotations(notes, at)));
          expect(webAnnotationProblems(collection)).toEqual([]);
        },
      ),
      { numRuns: 500, seed: 16 },
    );
  });
});
