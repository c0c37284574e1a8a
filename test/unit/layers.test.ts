// A convention test for the layers in STYLE.md: the database belongs to the background (a content
// script's IndexedDB would be the page's), and src/core stays pure (strings in, data out), so it
// runs and is tested anywhere. Reads the import lines of every source file.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SOURCES = ['src', 'entrypoints', 'scripts', 'bench'];

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** Every module a file imports or re-exports, static or dynamic, type-only or not. */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [
    ...code.matchAll(/\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((match) => match[1] as string);
}

/** A specifier as a path from the repository root ("src/db/db"), or the package name as written. */
function target(file: string, specifier: string): string {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), specifier));
  return specifier;
}

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

function violations(files: string[], forbidden: (file: string, path: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(readFileSync(join(ROOT, file), 'utf8'))
      .map((specifier) => target(file, specifier))
      .filter((path) => forbidden(file, path))
      .map((path) => `${file} imports ${path}`),
  );
}

/** Packages that reach the DOM, the browser's extension APIs or IndexedDB. */
const IMPURE_PACKAGE =
  /^(dexie|wxt|webextension-polyfill|@webext-core|preact|happy-dom|fake-indexeddb|playwright)(\/|$)/;

describe('layers', () => {
  it('finds every form of import', () => {
    expect(
      importsOf(`import a from './a';
import type { B } from "@/src/db/b";
export { c } from '../c';
import './side-effect';
const d = await import('dexie');
// import { e } from 'commented-out';
import {
  f,
} from 'wxt/browser';`),
    ).toEqual(['./a', '@/src/db/b', '../c', 'wxt/browser', './side-effect', 'dexie']);
  });

  it('lets only the background (and tests) import the database', () => {
    const files = SOURCES.flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(50);
    expect(
      violations(
        files,
        (file, path) => under(path, 'src/db') && !under(file, 'src/background') && !under(file, 'src/db'),
      ),
    ).toEqual([]);
  });

  it('keeps src/core pure: no DOM, browser, Dexie or WXT modules, nothing outside src/core', () => {
    const files = filesUnder('src/core');
    expect(
      violations(
        files,
        (_file, path) => IMPURE_PACKAGE.test(path) || (under(path, 'src') && !under(path, 'src/core')),
      ),
    ).toEqual([]);
  });

  it('keeps src/core off the DOM and extension globals', () => {
    const uses = filesUnder('src/core').flatMap((file) => {
      const code = readFileSync(join(ROOT, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const found = code.match(/\b(document|window|navigator|chrome|browser|indexedDB|localStorage)\s*[.[]/g);
      return found ? [`${file}: ${found.join(', ')}`] : [];
    });
    expect(uses).toEqual([]);
  });
});
