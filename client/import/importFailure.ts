import { importProblem } from '../../shared/import/errors'
import type { ImportFileKind } from '../../shared/import/fileKind'
import { words, type Words } from '../ui/useFailure'

/** Why a file could not be read, in the interface's words (the library's own message is not shown). */
export function importFailure(err: unknown, kind: ImportFileKind): Words {
  const problem = importProblem(err, kind)
  return words(problem === 'empty' ? 'import.empty' : `import.problem.${problem}`)
}
