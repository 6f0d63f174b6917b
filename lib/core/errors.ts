// Typed errors raised inside services and translated at the edges: a route handler answers
// NotFoundError with 404 and InvalidInputError with 400; a server action returns them as a Result.

export class NotFoundError extends Error {
  readonly code = "NOT_FOUND";
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

export class InvalidInputError extends Error {
  readonly code = "INVALID_INPUT";
  constructor(message: string) {
    super(message);
    this.name = "InvalidInputError";
  }
}
