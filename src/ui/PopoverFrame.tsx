import type { ComponentChildren } from 'preact';

/** The popover's dialog around any card or form shown on a page; Esc closes it. */
export function PopoverFrame({
  label,
  onClose,
  children,
}: {
  label: string;
  onClose(): void;
  children: ComponentChildren;
}) {
  return (
    <div
      class="gloss-root gloss-popover"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      onKeyDown={(event) => {
        // A form inside handles its own Esc first and marks it handled.
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div class="gloss-card">{children}</div>
    </div>
  );
}
