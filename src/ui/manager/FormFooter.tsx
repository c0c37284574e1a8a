/** The end of a manager form: why saving failed, then Save (a submit button) and Cancel. */
export function FormFooter(props: {
  error: string | null;
  busy: boolean;
  saveLabel: string;
  onCancel(): void;
}) {
  return (
    <>
      {props.error && (
        <p class="gloss-error" role="alert">
          {props.error}
        </p>
      )}
      <div class="gloss-actions">
        <button type="submit" class="gloss-button gloss-button-primary" disabled={props.busy}>
          {props.busy ? 'Saving…' : props.saveLabel}
        </button>
        <button type="button" class="gloss-button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
