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

/** No signed-in user (401 at the edge). */
export class UnauthenticatedError extends Error {
  readonly code = "UNAUTHENTICATED";
  constructor(message = "Sign in to continue") {
    super(message);
    this.name = "UnauthenticatedError";
  }
}

/** Signed in, but the role does not allow this (403 at the edge). */
export class ForbiddenError extends Error {
  readonly code = "FORBIDDEN";
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The data changed since it was read (409 at the edge): a stale write is refused, not applied. */
export class ConflictError extends Error {
  readonly code = "CONFLICT";
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}
