import { sendMessage } from '@/src/messaging/protocol';

/**
 * The identity a picked entity belongs to. The entity search lists packs' entities (their keys);
 * links are made to identities, so a pick is resolved first. Unknown keys come back as they are.
 */
export async function identityOf(key: string): Promise<string> {
  if (key.startsWith('i:')) return key;
  const view = await sendMessage('getEntity', { key });
  return view?.identity.id ?? key;
}
