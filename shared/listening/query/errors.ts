/** Character range in the query string, end exclusive. */
export interface Position {
  start: number;
  end: number;
}

export interface QueryError {
  code: string;
  message: string;
  position: Position;
  /** What the parser would have accepted here, for editor hints. */
  expected?: string[];
}

export interface QueryWarning {
  code: string;
  message: string;
  position: Position;
}

export function queryError(
  code: string,
  message: string,
  start: number,
  end: number,
  expected?: string[],
): QueryError {
  const e: QueryError = { code, message, position: { start, end } };
  if (expected) e.expected = expected;
  return e;
}

export function queryWarning(code: string, message: string, start: number, end: number): QueryWarning {
  return { code, message, position: { start, end } };
}

/** Thrown inside the parser to unwind; never escapes `parse`. */
export class ParseAbort extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}
