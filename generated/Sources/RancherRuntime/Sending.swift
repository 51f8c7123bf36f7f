// RancherRuntime: sending a request, with retries, redirects and error mapping.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension RancherClient {
    /// Sends an API request and returns its successful response.
    func perform(_ request: APIRequest) async throws -> HTTPResponse {
        let url = try request.url(endpoint: endpoint, projectID: projectID)
        // An unencodable body (e.g. a NaN number) throws the encoder's own EncodingError.
        let body = try request.body.map { try RancherCoding.makeEncoder().encode($0) }
        return try await perform(method: request.method, url: url, body: body)
    }

    /// Sends a request until it succeeds or the retry policy gives up, and returns the successful response.
    ///
    /// - Throws: `RancherError`, or `CancellationError` when the task is cancelled.
    func perform(method: String, url: URL, body: Data?) async throws -> HTTPResponse {
        var attempt = 1
        while true {
            try Task.checkCancellation()
            do {
                let response = try await followingRedirects(method: method, url: url, body: body, attempt: attempt)
                try Self.check(response)
                return response
            } catch {
                if error is CancellationError { throw error }
                guard let delay = configuration.retryPolicy.delay(method: method, url: url, after: error, attempt: attempt)
                else { throw error }
                try await Task.sleep(for: delay)
                attempt += 1
            }
        }
    }

    /// Sends a request and follows redirects within the configured server's origin, so the credentials
    /// never go elsewhere; 307 and 308 keep the method and body, 301, 302 and 303 turn into a `GET`.
    private func followingRedirects(method: String, url: URL, body: Data?, attempt: Int) async throws -> HTTPResponse {
        var (method, url, body) = (method, url, body)
        var hops = 0
        while true {
            let response = try await exchange(method: method, url: url, body: body, attempt: attempt)
            guard [301, 302, 303, 307, 308].contains(response.statusCode), hops < configuration.maxRedirects,
                  let location = response.value(forHeader: "Location")
            else { return response }
            guard let target = URL(string: location, relativeTo: url)?.absoluteURL else {
                throw RancherError.invalidURL("Cannot follow the redirect to \(location).")
            }
            guard endpoint.isSameOrigin(target) else { throw RancherError.redirectRefused(from: url, to: target) }
            if response.statusCode <= 303, method != "GET", method != "HEAD" {
                (method, body) = ("GET", nil)
            }
            url = target
            hops += 1
        }
    }

    /// One HTTP request through the transport, reported to the observer.
    private func exchange(method: String, url: URL, body: Data?, attempt: Int) async throws -> HTTPResponse {
        var headers = [
            "Accept": "application/json",
            "Authorization": authorization,
            "User-Agent": "RancherRuntime",
        ]
        if body != nil {
            headers["Content-Type"] = "application/json"
        }
        if configuration.sendsProjectHeader, let projectID {
            headers["X-API-Project-Id"] = projectID
        }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: configuration.timeout)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await transport.send(request)
            report(request, response: response, error: nil, attempt: attempt, since: start, clock: clock)
            return response
        } catch {
            let failure = Self.transportFailure(error)
            report(request, response: nil, error: failure, attempt: attempt, since: start, clock: clock)
            throw failure
        }
    }

    private func report(
        _ request: HTTPRequest, response: HTTPResponse?, error: (any Error)?, attempt: Int,
        since start: ContinuousClock.Instant, clock: ContinuousClock
    ) {
        guard let observer = configuration.observer else { return }
        observer(HTTPExchange(request: request.redacted, response: response, error: error, attempt: attempt,
                              duration: clock.now - start))
    }

    /// A transport's error as the client reports it: cancellation as Swift's `CancellationError`
    /// (`URLSession` says `URLError.cancelled`), `RancherError` as is, anything else wrapped, not described,
    /// so the caller can still inspect it.
    private static func transportFailure(_ error: any Error) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if let urlError = error as? URLError, urlError.code == .cancelled { return CancellationError() }
        if let error = error as? RancherError { return error }
        return RancherError.transport(error)
    }

    /// Throws the `RancherError` a response stands for: any non-2xx status, and a 2xx whose body is
    /// Rancher's error body (`"type":"error"`), mapped by the body's status.
    static func check(_ response: HTTPResponse) throws {
        let status = response.statusCode
        if (200..<300).contains(status) {
            guard var error = ErrorEnvelope.error(in: response.body, requiringType: true) else { return }
            if error.status == 0 { error.status = status }
            throw (200..<300).contains(error.status) ? RancherError.api(error) : RancherError(status: error.status, error: error)
        }
        if var error = ErrorEnvelope.error(in: response.body, requiringType: false) {
            // The HTTP status is authoritative; bodies sometimes omit or disagree on it.
            error.status = status
            throw RancherError(status: status, error: error)
        }
        if RancherError.hasOwnCase(status) {
            throw RancherError(status: status, error: APIError(status: status))
        }
        throw RancherError.unexpectedStatus(status, body: response.body)
    }
}

/// Rancher's error body: `{"type":"error","status":…,"code":…,"message":…,"detail":…}`.
private struct ErrorEnvelope: Decodable {
    var type: String?
    var error: APIError

    private enum CodingKeys: String, CodingKey { case type }

    init(from decoder: any Decoder) throws {
        type = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .type)
        error = try APIError(from: decoder)
    }

    /// The error in `body`, when it is Rancher's error body. With `requiringType` (a 2xx response, whose
    /// body is normally a resource) only `"type":"error"` counts; otherwise a body without a type but with
    /// a code or message does too.
    static func error(in body: Data, requiringType: Bool) -> APIError? {
        // Skip the second parse for the usual successful body, which never has "type":"error" at all.
        if requiringType, body.range(of: Data("\"error\"".utf8)) == nil { return nil }
        guard let envelope = try? RancherCoding.makeDecoder().decode(ErrorEnvelope.self, from: body) else { return nil }
        if envelope.type == "error" { return envelope.error }
        if !requiringType, envelope.type == nil, envelope.error.code != nil || envelope.error.message != nil {
            return envelope.error
        }
        return nil
    }
}
