import { useId, type InputHTMLAttributes } from 'react'

/**
 * A labelled input; the label text is what screen readers and tests find it by. `error`: what is
 * wrong with its value, shown under it and read with it (aria-invalid, aria-describedby).
 */
export function Field({ label, hint, error, ...input }: { label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = useId()
  return (
    <label className="field">
      {label}
      <input {...input} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      {hint && <small className="muted">{hint}</small>}
      {error && <small className="error" id={errorId} role="alert">{error}</small>}
    </label>
  )
}

export function FormError({ message }: { message: string }) {
  return message ? <p className="error" role="alert">{message}</p> : null
}
