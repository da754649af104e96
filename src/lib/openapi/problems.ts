/** A problem found in an OpenAPI document, located by file, line and column. */
export type Severity = 'error' | 'warning';

export interface Position {
  line: number;
  col: number;
}

export interface Problem {
  /** Path relative to the project root, e.g. `openapi/occurrences.yaml`. */
  file: string;
  position: Position;
  message: string;
  severity: Severity;
}

/** `openapi/<file>:<line>:<col> <message>` — the one format every OpenAPI problem is reported in. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.position.line}:${p.position.col} ${p.message}`;
}

export class OpenApiBuildError extends Error {
  override name = 'OpenApiBuildError';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const count = problems.length;
    super(
      `${count} problem${count === 1 ? '' : 's'} in OpenAPI documents stop the build:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.problems = problems;
  }
}
