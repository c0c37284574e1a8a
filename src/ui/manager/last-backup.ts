// When the user last saved a full backup file, so the manager can remind them when notes were
// never saved. Written by the manager right after "Export everything" hands the file over.
import { defineItem } from '@/src/messaging/storage-item';

export const lastBackupItem = defineItem<number>('local:lastBackupAt', { fallback: 0 });
