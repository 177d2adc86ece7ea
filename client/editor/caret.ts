/** A remote caret with a label "Name · Organization" in the organization's colour. */
export function renderCaret(user: Record<string, string>): HTMLElement {
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.style.borderColor = user.color
  const label = document.createElement('span')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = user.color
  // textContent, never innerHTML: names are typed by people.
  label.textContent = user.organization ? `${user.name} · ${user.organization}` : (user.name ?? '')
  caret.append(document.createTextNode('\u2060'), label, document.createTextNode('\u2060'))
  return caret
}
