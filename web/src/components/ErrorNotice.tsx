// Errors shown where they happen: the message, the code and what to do next.
import { adviceFor, type ApiError } from "../api/errors";

export function ErrorNotice({ errors, title }: { errors: ApiError[]; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="error">
      <strong>{title ?? "Something went wrong"}</strong>
      <ul>
        {errors.map((error, index) => (
          <li key={index}>
            {error.message}
            {error.code && (
              <>
                {" "}
                <code className="code">{error.code}</code>
              </>
            )}
            {(error.suggestion ?? adviceFor(error.code)) && (
              <div className="advice">{error.suggestion ?? adviceFor(error.code)}</div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" aria-live="polite" className="loading">
      Loading {what}…
    </p>
  );
}
