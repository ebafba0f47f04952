/** Database errors, classified by the driver's and server's codes — never by message text. */
const UNREACHABLE = new Set(["ServiceUnavailable", "SessionExpired"]);
const AUTH = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
]);
const WRITE_IN_READ = new Set(["Neo.ClientError.Statement.AccessMode"]);

function codeOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

export function isUnreachable(error: unknown): boolean {
  return UNREACHABLE.has(codeOf(error) ?? "");
}

export function isAuthFailure(error: unknown): boolean {
  return AUTH.has(codeOf(error) ?? "");
}

/** NEO4J_DATABASE names a database the server does not have. */
export function isDatabaseMissing(error: unknown): boolean {
  return codeOf(error) === "Neo.ClientError.Database.DatabaseNotFound";
}

/** The user lacks a privilege (a `reader` asked to write or to create an index). */
export function isForbidden(error: unknown): boolean {
  const code = codeOf(error) ?? "";
  return (
    code === "Neo.ClientError.Security.Forbidden" || code.startsWith("Neo.ClientError.Security.Forbidden")
  );
}

export function isWriteRefused(error: unknown): boolean {
  return WRITE_IN_READ.has(codeOf(error) ?? "");
}

/** Syntax, type, missing-parameter and similar mistakes in a query the user wrote. */
export function isClientError(error: unknown): boolean {
  return (codeOf(error) ?? "").startsWith("Neo.ClientError.");
}

/** A query that ran out of time, or a passing condition of the server: worth trying again later. */
const TIMED_OUT = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]);

export function isRetryLater(error: unknown): boolean {
  const code = codeOf(error) ?? "";
  return TIMED_OUT.has(code) || code.startsWith("Neo.TransientError.");
}
