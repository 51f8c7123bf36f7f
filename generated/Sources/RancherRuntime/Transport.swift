// RancherRuntime: the HTTP transport abstraction.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A transport-level HTTP request, as handed to an `HTTPTransport`.
///
/// Its `description`, `debugDescription` and mirror redact the `Authorization`
/// header so requests can be logged or dumped without leaking credentials.
public struct HTTPRequest: Sendable, Hashable {
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The absolute URL to send the request to.
    public var url: URL
    /// Header fields by name.
    public var headers: [String: String]
    /// The request body, if any.
    public var body: Data?
    /// How long to wait for the response before giving up; `nil` leaves the transport's default.
    public var timeout: Duration?

    /// Creates a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: Duration? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The same request with the values of secret headers (`Authorization`, …) replaced by `<redacted>`.
    public var redacted: HTTPRequest {
        var copy = self
        copy.headers = redactedHeaders
        return copy
    }

    /// The headers with secret values replaced by a placeholder.
    var redactedHeaders: [String: String] {
        var redacted = headers
        for name in headers.keys where HTTPRequest.secretHeaders.contains(name.lowercased()) {
            redacted[name] = "<redacted>"
        }
        return redacted
    }

    private static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie"]
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A one-line summary with secret headers redacted.
    public var description: String {
        "\(method) \(url.absoluteString)"
    }

    /// A detailed summary with secret headers redacted.
    public var debugDescription: String {
        let headerText = redactedHeaders.sorted { $0.key < $1.key }
            .map { "\($0.key): \($0.value)" }
            .joined(separator: ", ")
        return "HTTPRequest(\(method) \(url.absoluteString), headers: [\(headerText)], body: \(body?.count ?? 0) bytes)"
    }

    /// A mirror without secret header values, so `dump` is safe to use.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["method": method, "url": url, "headers": redactedHeaders, "body": body as Any],
            displayStyle: .struct
        )
    }
}

/// A transport-level HTTP response.
public struct HTTPResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var statusCode: Int
    /// Header fields by name, as the transport reported them.
    public var headers: [String: String]
    /// The response body; empty when there is none.
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// Returns the value of a header field, matching its name case-insensitively.
    public func value(forHeader name: String) -> String? {
        if let exact = headers[name] { return exact }
        let lowered = name.lowercased()
        return headers.first { $0.key.lowercased() == lowered }?.value
    }
}

/// Sends HTTP requests on behalf of a `RancherClient`.
///
/// Conform to this to plug in another HTTP stack, or a stub in tests. Throw for transport failures only:
/// non-2xx responses must be returned. Do not follow redirects: return the 3xx response, so that the
/// client can refuse one to another origin before the credentials go there.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the server's response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// An `HTTPTransport` backed by `URLSession`, which returns redirects instead of following them.
///
/// TLS and proxy settings come from the `URLSessionConfiguration`. `URLSession` would repeat a redirected
/// request at the new location with the `Authorization` header, even on another host; this transport
/// answers every redirect with "do not follow", and `RancherClient` follows same-origin ones itself.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// A transport over one ephemeral session, used by clients created without a transport. Sessions with a
    /// delegate live until invalidated, so one is shared rather than made per client.
    public static let shared = URLSessionTransport()

    /// Creates a transport with its own session, made from `configuration` (timeouts, proxies, TLS,
    /// extra headers).
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    /// Creates a transport that sends requests with `session`. Create it once and reuse it.
    ///
    /// On Apple platforms the session itself is used, with a per-request delegate that refuses redirects.
    /// swift-corelibs-foundation (Linux, Windows) ignores per-request delegates, so there a new session is
    /// made from `session.configuration` with a delegate that does; `session`'s own delegate is not used.
    public init(session: URLSession) {
        #if canImport(FoundationNetworking)
        self.init(configuration: session.configuration)
        #else
        self.session = session
        #endif
    }

    /// Sends `request` with the underlying `URLSession`; a redirect comes back as the 3xx response.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        // API state changes under us; a cached GET would be stale.
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
        if let timeout = request.timeout {
            let parts = timeout.components
            var seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
            #if canImport(FoundationNetworking)
            // swift-corelibs-foundation truncates the interval to whole seconds, and 0 times out at once.
            seconds = max(1, seconds.rounded(.up))
            #endif
            urlRequest.timeoutInterval = seconds
        }
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        #if canImport(FoundationNetworking)
        let (data, response) = try await Self.data(for: urlRequest, in: session)
        #else
        let (data, response) = try await session.data(for: urlRequest, delegate: RedirectRefusal())
        #endif
        guard let httpResponse = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (name, value) in httpResponse.allHeaderFields {
            if let name = name as? String {
                headers[name] = String(describing: value)
            }
        }
        return HTTPResponse(statusCode: httpResponse.statusCode, headers: headers, body: data)
    }

    #if canImport(FoundationNetworking)
    /// `session.data(for:)`, but a `401` that carries a `WWW-Authenticate` challenge (Rancher's answer to a bad
    /// key) comes back as that response instead of a cancellation: swift-corelibs-foundation can only wait for
    /// ever on such a challenge or cancel the task, so the delegate cancels it and keeps the response it saw.
    /// Foundation does not keep that response's body; the status and headers are returned with an empty one.
    private static func data(for request: URLRequest, in session: URLSession) async throws -> (Data, URLResponse) {
        let started = StartedTask()
        let refusal = session.delegate as? RedirectRefusal
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    let challenged = started.identifier.flatMap { refusal?.takeChallengedResponse(of: $0) }
                    if let challenged {
                        continuation.resume(returning: (Data(), challenged))
                    } else if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                started.start(task)
            }
        } onCancel: {
            started.cancel()
        }
    }
    #endif
}

#if canImport(FoundationNetworking)
/// The task a request runs on, for cancelling it and finding its challenge.
private final class StartedTask: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    var identifier: Int? { lock.withLock { task?.taskIdentifier } }

    func start(_ task: URLSessionDataTask) {
        let cancelled = lock.withLock {
            self.task = task
            return self.cancelled
        }
        if cancelled { task.cancel() } else { task.resume() }
    }

    func cancel() {
        let task = lock.withLock {
            cancelled = true
            return self.task
        }
        task?.cancel()
    }
}
#endif

/// Answers every redirect with "do not follow", so the 3xx response is what the task returns. The key pair
/// travels in the `Authorization` header, never through URLSession's credential handling.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    #if canImport(FoundationNetworking)
    /// The 401s whose challenge cancelled their task, by task identifier (one session's: each session has its
    /// own delegate), until `data(for:in:)` takes them.
    private let challengedResponses = ChallengedResponses()

    func takeChallengedResponse(of task: Int) -> HTTPURLResponse? { challengedResponses.take(task) }

    /// Rancher answers a bad key with `WWW-Authenticate: Basic`; swift-corelibs-foundation then waits for ever
    /// on default handling (and crashes on "continue without credential"), so the task is cancelled and the
    /// response it was challenged with kept.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        if let response = challenge.failureResponse as? HTTPURLResponse {
            challengedResponses.keep(response, for: task.taskIdentifier)
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }
    #endif
}

#if canImport(FoundationNetworking)
private final class ChallengedResponses: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var responses: [Int: HTTPURLResponse] = [:]

    func keep(_ response: HTTPURLResponse, for task: Int) { lock.withLock { responses[task] = response } }
    func take(_ task: Int) -> HTTPURLResponse? { lock.withLock { responses.removeValue(forKey: task) } }
}
#endif
