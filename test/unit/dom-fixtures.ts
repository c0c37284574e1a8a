// Loads a fixture page from test/fixtures/dom/ into happy-dom's document. The fixtures carry their
// expected results in data attributes; a <template data-shadow="open|closed"> becomes a shadow root
// of its parent (happy-dom does not attach declarative shadow roots from HTML).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface FixtureCase {
  name: string;
  root: HTMLElement;
  data: DOMStringMap;
}

export function loadDomFixture(name: string, doc: Document = document): FixtureCase[] {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures/dom', name), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  doc.body.innerHTML = body;
  for (const template of [...doc.querySelectorAll<HTMLTemplateElement>('template[data-shadow]')]) {
    const host = template.parentElement as HTMLElement;
    const shadow = host.attachShadow({ mode: template.dataset.shadow === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content.cloneNode(true));
    template.remove();
  }
  return [...doc.querySelectorAll<HTMLElement>('.case')].map((root) => ({
    name: root.dataset.name ?? '',
    root,
    data: root.dataset,
  }));
}

/** A data attribute holding JSON. */
export function expected<T>(data: DOMStringMap, key: string): T {
  const value = data[key];
  if (value === undefined) throw new Error(`fixture case has no data-${key}`);
  return JSON.parse(value) as T;
}
