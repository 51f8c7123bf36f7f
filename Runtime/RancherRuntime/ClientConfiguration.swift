// RancherRuntime: how a client behaves (timeouts, retries, waits, logging).

import Foundation

extension RancherClient {
    /// How a `RancherClient` sends requests and waits for resources.
    ///
    /// ```swift
    /// var configuration = RancherClient.Configuration()
    /// configuration.timeout = .seconds(10)
    /// configuration.observer = { exchange in print(exchange) }
    /// let rancher = RancherClient(baseURL: url, accessKey: key, secretKey: secret, configuration: configuration)
    /// ```
    public struct Configuration: Sendable {
        /// How long one HTTP request may wait for data before it fails with a transport error; `nil` leaves
        /// the transport's own default. On Linux, `URLSessionTransport` rounds it up to whole seconds.
        public var timeout: Duration?
        /// Which failed requests are sent again.
        public var retryPolicy: RetryPolicy
        /// How waits for a resource poll, and how long they last unless a call says otherwise.
        public var waitPolicy: WaitPolicy
        /// Whether to send `X-API-Project-Id` when a project ID is known (from `projectID` or the base URL).
        public var sendsProjectHeader: Bool
        /// Redirects followed per request, each to the configured server's own origin.
        public var maxRedirects: Int
        /// Called after every HTTP exchange (each try and each redirect), on the calling task: keep it
        /// quick. The request's `Authorization` header is redacted.
        public var observer: (@Sendable (HTTPExchange) -> Void)?

        /// Creates a configuration; the defaults suit a Rancher server on a network.
        public init(
            timeout: Duration? = .seconds(60),
            retryPolicy: RetryPolicy = .default,
            waitPolicy: WaitPolicy = .default,
            sendsProjectHeader: Bool = true,
            maxRedirects: Int = 5,
            observer: (@Sendable (HTTPExchange) -> Void)? = nil
        ) {
            self.timeout = timeout
            self.retryPolicy = retryPolicy
            self.waitPolicy = waitPolicy
            self.sendsProjectHeader = sendsProjectHeader
            self.maxRedirects = maxRedirects
            self.observer = observer
        }

        /// The defaults: 60 s per request, `RetryPolicy.default`, `WaitPolicy.default`, the project header sent.
        public static let `default` = Configuration()
    }
}

/// One HTTP request and what came of it, as `RancherClient.Configuration.observer` sees it.
public struct HTTPExchange: Sendable, CustomStringConvertible {
    /// The request, with secret headers redacted.
    public var request: HTTPRequest
    /// The response, when one arrived (whatever its status).
    public var response: HTTPResponse?
    /// The error, when no response arrived.
    public var error: (any Error)?
    /// Which try of the call this is: 1 for the first, 2 for the first retry, and so on.
    public var attempt: Int
    /// How long the exchange took.
    public var duration: Duration

    /// Creates an exchange record.
    public init(request: HTTPRequest, response: HTTPResponse?, error: (any Error)?, attempt: Int, duration: Duration) {
        self.request = request
        self.response = response
        self.error = error
        self.attempt = attempt
        self.duration = duration
    }

    /// One line: method, URL, status or error, duration, and the try when it is a retry.
    public var description: String {
        let outcome = response.map { "\($0.statusCode)" } ?? error.map { "failed: \($0)" } ?? "no response"
        return "\(request.method) \(request.url.absoluteString) → \(outcome) in \(duration)"
            + (attempt > 1 ? " (try \(attempt))" : "")
    }
}
