// GraphQL errors as the app shows them: the message, extensions.code and what to do about it.

export interface ApiError {
  message: string;
  code?: string;
  path?: ReadonlyArray<string | number>;
  suggestion?: string;
}

const ADVICE: Record<string, string> = {
  BAD_USER_INPUT: "Check the values you entered and try again.",
  GRAPHQL_VALIDATION_FAILED: "The app and the server disagree on the schema: reload the page.",
  CONFLICT: "It already exists or was changed by someone else: reload and try again.",
  NOT_FOUND: "It may have been deleted or the link is wrong: go back to the list.",
  FORBIDDEN: "Your roles do not allow this: ask an administrator.",
  UNAUTHENTICATED: "Set a valid API token on the Settings page (or sign in again), then retry.",
  UNAVAILABLE: "A service is unavailable: try again in a moment.",
  FAILED_PRECONDITION: "The object is not in a state that allows this.",
  INTERNAL_SERVER_ERROR: "Something went wrong on the server: try again, then tell an administrator.",
  NETWORK_ERROR: "The server could not be reached: check your connection and try again.",
};

export function adviceFor(code: string | undefined): string | undefined {
  return code ? ADVICE[code] : undefined;
}

export class ApiRequestError extends Error {
  readonly errors: ApiError[];

  constructor(errors: ApiError[]) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "ApiRequestError";
    this.errors = errors;
  }
}

/** Whatever was thrown, as a list of API errors to show. */
export function toApiErrors(error: unknown): ApiError[] {
  if (error instanceof ApiRequestError) return error.errors;
  if (error instanceof Error) return [{ message: error.message, code: "NETWORK_ERROR" }];
  return [{ message: String(error) }];
}

interface RawError {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; suggestion?: unknown } | null;
}

export function readApiErrors(raw: unknown): ApiError[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item: RawError) => ({
    message: typeof item?.message === "string" ? item.message : "Unknown error",
    code: typeof item?.extensions?.code === "string" ? item.extensions.code : undefined,
    suggestion:
      typeof item?.extensions?.suggestion === "string" ? item.extensions.suggestion : undefined,
    path: Array.isArray(item?.path) ? (item.path as Array<string | number>) : undefined,
  }));
}
