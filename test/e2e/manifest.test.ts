import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Permissions README lists, from the first column of the table under "## Permissions". */
function readmePermissions(): string[] {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Permissions\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(\S.*?)\s*\|\s*$/gm)].map(([, name]) => name ?? '');
}

describe('the built manifest', () => {
  const manifest = JSON.parse(
    readFileSync(resolve(root, process.env.GLOSS_OUT_DIR ?? '.output', 'chrome-mv3/manifest.json'), 'utf8'),
  );

  it('asks for exactly the permissions README lists, each with its reason', () => {
    const contentScriptHosts = (manifest.content_scripts ?? []).flatMap(
      (script: { matches: string[] }) => script.matches,
    );
    const asked = [
      ...new Set([
        ...(manifest.permissions ?? []),
        ...(manifest.host_permissions ?? []),
        ...contentScriptHosts,
      ]),
    ].sort();
    expect(asked).toEqual(readmePermissions().sort());
  });

  it('is named Gloss, with a description and icons', () => {
    expect(manifest.name).toBe('Gloss');
    expect(manifest.description.length).toBeGreaterThan(40);
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
  });
});
