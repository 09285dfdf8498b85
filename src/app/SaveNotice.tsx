/**
 * Says, in the page, that the spec is not saved in this browser (see `unsavedMessage`). It stays
 * until a later save works: a refused save must not pass unnoticed, or the work is lost on reload.
 */
export function SaveNotice({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="mcs-save-notice" role="alert">
      {message}
    </p>
  );
}
