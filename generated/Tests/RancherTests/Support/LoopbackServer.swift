// RancherRuntime tests: A minimal HTTP/1.1 server on 127.0.0.1 for the runtime tests.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP/1.1 server that records requests and answers with queued responses.
///
/// It listens on 127.0.0.1 (or another loopback address) with an ephemeral port, serves one connection at a time
/// on its own thread (never on the Swift concurrency pool, whose few threads a
/// blocking `accept` would starve), answers every request with `Connection: close`,
/// and stops itself after `maxRequests` requests or `lifetime` seconds.
final class LoopbackServer: Sendable {
    /// A request as the server received it.
    struct Request: Sendable, Hashable {
        var method: String
        /// The percent-encoded path, exactly as sent.
        var path: String
        /// The raw query string without `?`, or nil when there was none.
        var query: String?
        /// Header fields, names lowercased.
        var headers: [String: String]
        var body: Data
    }

    /// A canned response.
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
        /// How long the server waits before answering (a slow server).
        var delay: Duration

        init(status: Int = 200, headers: [String: String] = [:], body: Data = Data(), delay: Duration = .zero) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        /// A JSON response.
        static func json(_ text: String, status: Int = 200) -> Response {
            Response(status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
        }

        /// A redirect to `location`.
        static func redirect(_ status: Int, to location: String) -> Response {
            Response(status: status, headers: ["Location": location])
        }
    }

    /// Computes the answer to a request.
    typealias Responder = @Sendable (Request) -> Response

    private struct State {
        var requests: [Request] = []
        var responses: [Responder] = []
        /// Answers requests once the queue is empty.
        var fallback: Responder?
        var stopRequested = false
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The port the server listens on.
    let port: UInt16
    /// The address the server listens on, e.g. `127.0.0.1`.
    let host: String
    private let listener: Int32
    private let maxRequests: Int
    private let deadline: Date
    private let state = Locked(State())

    /// `http://<host>:<port>`.
    var baseURL: URL {
        // A literal host and a numeric port always form a valid URL.
        URL(string: "http://\(host):\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// The requests received so far, oldest first.
    var requests: [Request] { state.withLock { $0.requests } }

    /// Starts a server on `host`, an IPv4 loopback address; stop it with `stop()`.
    init(host: String = "127.0.0.1", maxRequests: Int = 32, lifetime: TimeInterval = 300) throws {
        let fd = socket(AF_INET, LoopbackSocket.streamType, 0)
        guard fd >= 0 else { throw LoopbackServerError.socket("socket", errno) }
        do {
            try LoopbackSocket.setOption(fd, SO_REUSEADDR, 1)
            port = try LoopbackSocket.bindLoopback(fd, address: host)
            guard listen(fd, 16) == 0 else { throw LoopbackServerError.socket("listen", errno) }
        } catch {
            _ = close(fd)
            throw error
        }
        listener = fd
        self.host = host
        self.maxRequests = maxRequests
        deadline = Date().addingTimeInterval(lifetime)
        let thread = Thread { [self] in self.serve() }
        thread.name = "LoopbackServer:\(port)"
        thread.start()
    }

    /// Queues a response; requests are answered in queue order.
    func enqueue(_ response: Response) {
        state.withLock { $0.responses.append { _ in response } }
    }

    /// Queues a responder that computes the answer from the request.
    func enqueue(_ responder: @escaping Responder) {
        state.withLock { $0.responses.append(responder) }
    }

    /// Answers every request that finds the queue empty with `responder`.
    func respondToAll(_ responder: @escaping Responder) {
        state.withLock { $0.fallback = responder }
    }

    /// Queues a JSON response.
    func enqueueJSON(_ text: String, status: Int = 200) {
        enqueue(.json(text, status: status))
    }

    /// Stops the server and waits until its thread has closed the listening socket.
    func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                state.stopRequested = true
                if state.finished { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Runs `body` with a fresh server and stops the server afterwards, even when `body` throws.
    static func with<T>(host: String = "127.0.0.1", _ body: (LoopbackServer) async throws -> T) async throws -> T {
        let server = try LoopbackServer(host: host)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    // MARK: - Server thread

    private func serve() {
        var served = 0
        while served < maxRequests, Date() < deadline, !state.withLock({ $0.stopRequested }) {
            // Poll with a short timeout so a stop request is noticed promptly.
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            handle(connection)
            _ = close(connection)
            served += 1
        }
        _ = close(listener)
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.finished = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    private func handle(_ connection: Int32) {
        // Bound every read and write so a stuck client cannot hang the tests.
        LoopbackSocket.setTimeouts(connection, seconds: 5)
        var buffer = Data()
        guard let headerEnd = readUntilHeaderEnd(connection, into: &buffer),
              let head = String(data: buffer[buffer.startIndex..<headerEnd], encoding: .utf8)
        else { return }
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return reply(connection, Response(status: 400)) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["transfer-encoding"] != nil {
            return reply(connection, Response(status: 411, body: Data("Send Content-Length.".utf8)))
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard (0...8_000_000).contains(length) else { return reply(connection, Response(status: 413)) }
        if headers["expect"]?.lowercased() == "100-continue" {
            LoopbackSocket.write(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        var body = Data(buffer[(headerEnd + 4)...])
        while body.count < length {
            guard let chunk = LoopbackSocket.read(connection) else { return }
            body.append(chunk)
        }
        let target = String(requestLine[1])
        let queryMark = target.firstIndex(of: "?")
        let request = Request(
            method: String(requestLine[0]),
            path: String(target[..<(queryMark ?? target.endIndex)]),
            query: queryMark.map { String(target[target.index(after: $0)...]) },
            headers: headers,
            body: body.prefix(length)
        )
        // Record before answering, so a client that got its response sees the record.
        let responder = state.withLock { state -> Responder? in
            state.requests.append(request)
            return state.responses.isEmpty ? state.fallback : state.responses.removeFirst()
        }
        let response = responder?(request) ?? Response(status: 500, body: Data("LoopbackServer: no response queued".utf8))
        if response.delay > .zero, !pause(response.delay) { return }
        reply(connection, response)
    }

    /// Sleeps for `duration` in short steps; false when the server was asked to stop meanwhile.
    private func pause(_ duration: Duration) -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + duration
        while clock.now < end {
            if state.withLock({ $0.stopRequested }) { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    private func readUntilHeaderEnd(_ connection: Int32, into buffer: inout Data) -> Int? {
        let separator = Data("\r\n\r\n".utf8)
        while buffer.count < 65_536 {
            if let range = buffer.range(of: separator) { return range.lowerBound }
            guard let chunk = LoopbackSocket.read(connection) else { return nil }
            buffer.append(chunk)
        }
        return nil
    }

    private func reply(_ connection: Int32, _ response: Response) {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        LoopbackSocket.write(connection, Data(head.utf8) + response.body)
        _ = shutdown(connection, Int32(SHUT_WR))
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 422: return "Unprocessable Entity"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status"
        }
    }
}

/// Errors from setting up the server.
enum LoopbackServerError: Error {
    case socket(String, Int32)
}
