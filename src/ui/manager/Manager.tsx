import { useEffect, useRef } from 'preact/hooks';
import { BackupView } from './BackupView';
import { CorrectionsView } from './CorrectionsView';
import { EntityPage } from './EntityPage';
import { KnowledgeView } from './KnowledgeView';
import { NotesView } from './NotesView';
import { Reminders } from './Reminders';
import { ReviewView } from './ReviewView';
import { type Route, routeHash, useRoute } from './route';
import { SettingsView } from './SettingsView';

const NAV: Array<{ view: Route['view']; label: string }> = [
  { view: 'notes', label: 'Notes' },
  { view: 'knowledge', label: 'Knowledge' },
  { view: 'corrections', label: 'Corrections' },
  { view: 'backup', label: 'Import & export' },
  { view: 'settings', label: 'Settings' },
];

const TITLES: Record<Route['view'], string> = {
  notes: 'Notes',
  knowledge: 'Knowledge',
  entity: 'Entity',
  review: 'Review capture',
  backup: 'Import & export',
  corrections: 'Corrections',
  settings: 'Settings',
};

/** The manager page: a nav on the left, one view at a time on the right, chosen by the URL hash. */
export function Manager() {
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const section = route.view === 'entity' || route.view === 'review' ? 'knowledge' : route.view;

  useEffect(() => {
    document.title = `${TITLES[route.view]} · Gloss`;
    // After navigating, focus moves to the new view so screen readers announce it (not on first load).
    if (first.current) first.current = false;
    else mainRef.current?.focus();
  }, [route.view, route.view === 'entity' ? route.key : route.view === 'review' ? route.id : '']);

  return (
    <div class="gloss-root gloss-manager">
      <nav class="gloss-nav" aria-label="Gloss manager">
        <p class="gloss-brand">
          <img src="/icon/32.png" alt="" width={20} height={20} /> Gloss
        </p>
        <ul class="gloss-list">
          {NAV.map((item) => (
            <li key={item.view}>
              <a
                class="gloss-nav-link gloss-soft-link"
                href={routeHash({ view: item.view } as Route)}
                aria-current={section === item.view ? 'page' : undefined}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="gloss-main" ref={mainRef} tabIndex={-1} aria-label={TITLES[route.view]}>
        <Reminders />
        {route.view === 'notes' && <NotesView />}
        {route.view === 'knowledge' && <KnowledgeView />}
        {route.view === 'entity' && <EntityPage key={route.key} entityKey={route.key} />}
        {route.view === 'review' && <ReviewView key={route.id} draftId={route.id} />}
        {route.view === 'backup' && <BackupView />}
        {route.view === 'corrections' && <CorrectionsView />}
        {route.view === 'settings' && <SettingsView />}
      </main>
    </div>
  );
}
