/// The shape api.ts throws, without loading api.ts (which needs a browser window).
export class ApiErrorLike extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
