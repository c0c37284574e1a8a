// Names shared by the pack format, the protocol and the UI, in a module of their own so the
// popover's code can use them without pulling in the validator or the messaging library.

export const ENTITY_TYPES = ['person', 'place', 'organization', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The pack that holds what the user adds by hand (entities and facts from the manager or a selection). */
export const MY_KNOWLEDGE_PACK = 'my-knowledge';
