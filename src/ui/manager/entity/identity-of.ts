import { sendMessage } from '@/src/messaging/protocol';

/**
 * The identity a picked entity belongs to: the entity search lists identities, any other key (a
 * pack entity's) is resolved first, since links are made to identities. Unknown keys come back as
 * they are.
 */
export async function identityOf(key: string): Promise<string> {
  if (key.startsWith('i:')) return key;
  const view = await sendMessage('getEntity', { key });
  return view?.identity.id ?? key;
}
