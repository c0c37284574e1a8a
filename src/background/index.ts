// The background's whole job: own the database, install the bundled packs, answer messages.
import bundledNato from '@/assets/packs/nato-ukraine-2024.json';
import { validatePack } from '@/src/core/pack';
import { type GlossDb, openDb } from '@/src/db/db';
import { createHandlers, registerHandlers } from './handlers';
import { installBundledPack } from './packs';

export const BUNDLED_PACKS: unknown[] = [bundledNato];

export async function installBundledPacks(db: GlossDb): Promise<void> {
  for (const data of BUNDLED_PACKS) {
    const result = validatePack(data);
    if (!result.ok) {
      // A broken bundled pack is a build bug; test/unit/bundled-pack.test.ts stops it shipping.
      console.error('Gloss: bundled pack is invalid', result.errors);
      continue;
    }
    await installBundledPack(db, result.pack);
  }
}

export function startBackground(onInstalled: (listener: () => void) => void): GlossDb {
  const db = openDb();
  let installing: Promise<void> = Promise.resolve();
  onInstalled(() => {
    installing = installBundledPacks(db).catch((error) =>
      console.error('Gloss: installing bundled packs failed', error),
    );
  });
  registerHandlers(createHandlers(db, () => installing));
  return db;
}
