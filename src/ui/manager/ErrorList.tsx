import { formatPackError, type PackError } from '@/src/core/pack';

/** Import errors, each naming its JSON path: "entities[3].aliases[0]: empty string". */
export function ErrorList({ title, errors }: { title: string; errors: PackError[] }) {
  return (
    <div class="gloss-error-block" role="alert">
      <p class="gloss-error">{title}</p>
      <ul class="gloss-error-list">
        {errors.map((error, i) => (
          <li key={i}>
            <code>{formatPackError(error)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
