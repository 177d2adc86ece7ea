import type { ParallelSide } from '../../shared/languageVersions'

/**
 * A provision as one language version has it: its heading line ("Статья 3. Heading", or a
 * division's, the title, a preamble or conclusions paragraph) and its paragraphs, points and
 * sub-points with their numbers. `label` stands in for the side's own (the words "Title",
 * "Preamble", "Closing formula").
 */
export function ProvisionText({ side, label = side.label, heading: Heading = 'p', headingClass }: {
  side: ParallelSide
  label?: string
  heading?: 'p' | 'h3'
  headingClass?: string
}) {
  return (
    <>
      <Heading className={headingClass}>
        {label && <span className="diff-labels">{label} </span>}
        {side.heading}
      </Heading>
      {side.blocks.map((block, i) => (
        <p key={i} className="parallel-block">
          {block.label && <span className="diff-labels">{block.label} </span>}
          {block.text}
        </p>
      ))}
    </>
  )
}
