import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { shortcutSettings } from '@/src/platform';

interface Command {
  name: string;
  description: string;
  shortcut: string;
}

/** The keyboard commands and their current keys; the browser's own page changes them. */
export function Shortcuts() {
  const id = useId();
  const [commands, setCommands] = useState<Command[] | null>(null);

  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) =>
        setCommands(
          all
            .filter((command) => command.name && !command.name.startsWith('_'))
            .map((command) => ({
              name: command.name ?? '',
              description: command.description ?? command.name ?? '',
              shortcut: command.shortcut ?? '',
            })),
        ),
      )
      .catch(() => setCommands([]));
  }, []);

  return (
    <section class="gloss-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Keyboard shortcuts</h2>
      {commands && commands.length > 0 && (
        <dl class="gloss-shortcuts">
          {commands.map((command) => (
            <div key={command.name}>
              <dt>{command.description}</dt>
              <dd>
                {command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="gloss-muted">Not set</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" class="gloss-button" onClick={() => void shortcutSettings().open()}>
        Change shortcuts…
      </button>
    </section>
  );
}
