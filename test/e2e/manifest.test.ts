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
  const built = resolve(root, process.env.GLOSS_OUT_DIR ?? '.output', 'chrome-mv3');
  const manifest = JSON.parse(readFileSync(resolve(built, 'manifest.json'), 'utf8'));

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

  it('exposes only the popover and scorer modules to pages, and only under a per-session URL', () => {
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: ['content-scripts/popover.js', 'content-scripts/scorer.js', 'card.html'],
        matches: ['<all_urls>'],
        use_dynamic_url: true,
      },
    ]);
  });

  it('keeps the script every page runs within 60 KiB: the popover comes as its own module', () => {
    const content = readFileSync(resolve(built, 'content-scripts/content.js'));
    const popover = readFileSync(resolve(built, 'content-scripts/popover.js'), 'utf8');
    expect(content.length).toBeLessThanOrEqual(60 * 1024);
    // The module places the card's frame (card.html, which holds the card); neither it nor the
    // content script holds the card itself.
    expect(popover).toMatch(/export\s*\{/);
    expect(popover).toContain('/card.html');
    expect(popover).not.toContain('gloss-card');
    expect(content.toString()).not.toContain('gloss-card');
  });

  it('is named Gloss, with a description and icons', () => {
    expect(manifest.name).toBe('Gloss');
    expect(manifest.description.length).toBeGreaterThan(40);
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
  });
});
