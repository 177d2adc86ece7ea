import type { InputHTMLAttributes } from 'react'

/** A labelled input; the label text is what screen readers and tests find it by. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="field">
      {label}
      <input {...input} />
      {hint && <small className="muted">{hint}</small>}
    </label>
  )
}

export function FormError({ message }: { message: string }) {
  return message ? <p className="error" role="alert">{message}</p> : null
}
