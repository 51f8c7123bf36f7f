// RancherRuntime: which failed requests are tried again, and after how long.

import Foundation

/// When `RancherClient` sends a request again.
///
/// - An update (`PUT`) or an action (`POST …?action=…`) answered 409 Conflict is retried as gdapi-python
///   does: `conflictAttempts` tries in all, `conflictDelay` apart. Rancher answers 409 while a resource is
///   busy with another change.
/// - A read (`GET`, `HEAD`) is retried on a transport error (no connection, timeout) and on 502, 503 and 504
///   (a proxy or a restarting server) with bounded exponential backoff and full jitter: try *n* waits a
///   random time between zero and `min(readMaxDelay, readBaseDelay × 2^(n-1))`.
/// - A `POST` that creates, and a `DELETE`, are never retried: the first may have done its work.
///
/// Waits end early when the task is cancelled.
public struct RetryPolicy: Sendable, Hashable {
    /// Tries in all for an update or action answered 409 (1 means no retry).
    public var conflictAttempts: Int
    /// The wait before trying an update or action again.
    public var conflictDelay: Duration
    /// Tries in all for a read that failed to connect or got 502, 503 or 504 (1 means no retry).
    public var readAttempts: Int
    /// The backoff's first cap; each further try doubles it.
    public var readBaseDelay: Duration
    /// The backoff's largest cap.
    public var readMaxDelay: Duration

    /// Creates a policy.
    public init(
        conflictAttempts: Int = 3, conflictDelay: Duration = .milliseconds(100),
        readAttempts: Int = 3, readBaseDelay: Duration = .milliseconds(200), readMaxDelay: Duration = .seconds(2)
    ) {
        self.conflictAttempts = conflictAttempts
        self.conflictDelay = conflictDelay
        self.readAttempts = readAttempts
        self.readBaseDelay = readBaseDelay
        self.readMaxDelay = readMaxDelay
    }

    /// Three tries for conflicts (100 ms apart) and for reads (backoff from 200 ms, at most 2 s).
    public static let `default` = RetryPolicy()

    /// Every request is sent once.
    public static let none = RetryPolicy(conflictAttempts: 1, readAttempts: 1)

    /// How long to wait before sending again a request that failed with `error` on try `attempt`
    /// (1 for the first), or `nil` when it must not be sent again.
    func delay(method: String, url: URL, after error: any Error, attempt: Int) -> Duration? {
        switch method.uppercased() {
        case "GET", "HEAD":
            guard attempt < readAttempts, Self.isTransient(error) else { return nil }
            return Self.jittered(cap: backoffCap(attempt: attempt))
        case "PUT":
            return conflictRetryDelay(after: error, attempt: attempt)
        case "POST" where Self.isAction(url):
            return conflictRetryDelay(after: error, attempt: attempt)
        default:
            return nil
        }
    }

    private func conflictRetryDelay(after error: any Error, attempt: Int) -> Duration? {
        guard attempt < conflictAttempts, case RancherError.conflict? = error as? RancherError else { return nil }
        return conflictDelay
    }

    /// `readBaseDelay × 2^(attempt-1)`, at most `readMaxDelay`.
    private func backoffCap(attempt: Int) -> Duration {
        var cap = readBaseDelay
        for _ in 1..<max(attempt, 1) where cap < readMaxDelay {
            cap *= 2
        }
        return min(cap, readMaxDelay)
    }

    /// A random duration between zero and `cap` ("full jitter"), so that many clients do not retry in step.
    private static func jittered(cap: Duration) -> Duration {
        let nanoseconds = cap.components.seconds * 1_000_000_000 + cap.components.attoseconds / 1_000_000_000
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanoseconds))
    }

    /// Connection failures, and the statuses of a proxy or server that may answer on the next try.
    private static func isTransient(_ error: any Error) -> Bool {
        switch error as? RancherError {
        case .transport?: return true
        case let failure?: return [502, 503, 504].contains(failure.status ?? 0)
        case nil: return false
        }
    }

    /// Whether the URL runs an action (`?action=<name>`).
    private static func isAction(_ url: URL) -> Bool {
        URLComponents(url: url, resolvingAgainstBaseURL: true)?.queryItems?.contains { $0.name == "action" } ?? false
    }
}
