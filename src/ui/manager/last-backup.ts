// When the user last saved a full backup file, so the manager can remind them when notes were
// never saved. Written by the manager right after "Export everything" hands the file over.
import { storage } from 'wxt/utils/storage';

export const lastBackupItem = storage.defineItem<number>('local:lastBackupAt', { fallback: 0 });
