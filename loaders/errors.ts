/** An error in the user's input: says what was wrong and where, never a stack trace. */
export class InputError extends Error {
  readonly where: {source?: string; file?: string; field?: string};
  constructor(message: string, where: {source?: string; file?: string; field?: string} = {}) {
    const at = [where.source && `source "${where.source}"`, where.file, where.field].filter(Boolean).join(", ");
    super(at ? `${at}: ${message}` : message);
    this.name = "InputError";
    this.where = where;
  }
}
