// RancherRuntime tests: Which requests are retried, over real HTTP on 127.0.0.1.

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

@Suite("Runtime retries")
struct RuntimeRetryTests {
    private typealias Server = LoopbackServer

    private let conflict = #"{"type":"error","status":409,"code":"Conflict","message":"busy"}"#

    private func retryingClient(_ server: LoopbackServer, _ policy: RetryPolicy = Fixture.fastRetries) -> RancherClient {
        var configuration = Fixture.configuration
        configuration.retryPolicy = policy
        return Fixture.client(for: server, configuration: configuration)
    }

    @Test("409 on an update is retried: two conflicts, then success")
    func updateConflictRetried() async throws {
        try await Server.with { server in
            server.enqueueJSON(conflict, status: 409)
            server.enqueueJSON(conflict, status: 409)
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "new"))
            let request = APIRequest(method: "PUT", path: Fixture.resourcePath, id: "1w1", body: TestWidget(name: "new"))
            let widget = try await retryingClient(server).send(request, decoding: TestWidget.self)
            #expect(widget.name == "new")
            #expect(server.requests.map(\.method) == ["PUT", "PUT", "PUT"])
            #expect(Set(server.requests.map(\.body)).count == 1, "every try sends the same body")
        }
    }

    @Test("409 on an action is retried three times in all, then thrown")
    func actionConflictGivesUp() async throws {
        try await Server.with { server in
            for _ in 0..<4 { server.enqueueJSON(conflict, status: 409) }
            let request = APIRequest(method: "POST", path: Fixture.resourcePath + "?action=activate", id: "1w1")
            let error = await thrownError { try await retryingClient(server).send(request) }
            guard case .conflict(let body)? = error as? RancherError else {
                Issue.record("expected .conflict, got \(String(describing: error))")
                return
            }
            #expect(body.message == "busy")
            #expect(server.requests.count == 3)
            #expect(server.requests.allSatisfy { $0.query == "action=activate" })
        }
    }

    @Test("409 on a create is not retried, nor is a DELETE")
    func createAndDeleteNotRetried() async throws {
        try await Server.with { server in
            let client = retryingClient(server)
            server.enqueueJSON(conflict, status: 409)
            server.enqueueJSON(conflict, status: 409)
            server.enqueue(.init(status: 503))
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "spare"))
            let create = APIRequest(method: "POST", path: Fixture.collectionPath, body: TestWidget(name: "w"))
            let delete = APIRequest(method: "DELETE", path: Fixture.resourcePath, id: "1w1")
            #expect(await thrownError { try await client.send(create) } is RancherError)
            #expect(await thrownError { try await client.send(delete) } is RancherError)
            #expect(await thrownError { try await client.send(delete) } is RancherError)
            #expect(server.requests.map(\.method) == ["POST", "DELETE", "DELETE"])
        }
    }

    @Test("A GET answered 503 then 502 is retried until it succeeds")
    func readRetriedOnUnavailable() async throws {
        try await Server.with { server in
            server.enqueue(.init(status: 503, body: Data("starting".utf8)))
            server.enqueue(.init(status: 502))
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "up"))
            let request = APIRequest(method: "GET", path: Fixture.resourcePath, id: "1w1")
            let widget = try await retryingClient(server).send(request, decoding: TestWidget.self)
            #expect(widget.name == "up")
            #expect(server.requests.count == 3)
        }
    }

    @Test("A GET is not retried on a 500 or 404, and RetryPolicy.none sends one request")
    func readNotRetried() async throws {
        try await Server.with { server in
            server.enqueue(.init(status: 500))
            server.enqueue(.init(status: 404))
            server.enqueue(.init(status: 503))
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "spare"))
            let request = APIRequest(method: "GET", path: Fixture.resourcePath, id: "1w1")
            let client = retryingClient(server)
            #expect(await thrownError { try await client.send(request) } is RancherError)
            #expect(await thrownError { try await client.send(request) } is RancherError)
            let none = retryingClient(server, .none)
            #expect((await thrownError { try await none.send(request) } as? RancherError)?.status == 503)
            #expect(server.requests.count == 3)
        }
    }

    @Test("A GET that cannot connect is retried, then fails with the transport error")
    func readRetriedOnTransportError() async throws {
        let exchanges = Locked([HTTPExchange]())
        var configuration = Fixture.configuration
        configuration.retryPolicy = Fixture.fastRetries
        configuration.observer = { exchange in exchanges.withLock { $0.append(exchange) } }
        let error = try await LoopbackSocket.withRefusingPort { refusing in
            let client = Fixture.client(baseURL: refusing, configuration: configuration)
            return await thrownError { try await client.send(APIRequest(method: "GET", path: "/v2-beta/widgets")) }
        }
        guard case .transport? = error as? RancherError else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(exchanges.withLock { $0.map(\.attempt) } == [1, 2, 3])
    }

    @Test("The default policy's pauses: 100 ms for conflicts, jittered backoff under the cap for reads")
    func defaultPauses() throws {
        let policy = RetryPolicy.default
        let action = try #require(URL(string: "https://rancher.example.com/v2-beta/services/1s1?action=restart"))
        let item = try #require(URL(string: "https://rancher.example.com/v2-beta/services/1s1"))
        let conflict = RancherError.conflict(APIError(status: 409))
        let unavailable = RancherError.unexpectedStatus(503, body: Data())
        #expect(policy.delay(method: "PUT", url: item, after: conflict, attempt: 1) == .milliseconds(100))
        #expect(policy.delay(method: "POST", url: action, after: conflict, attempt: 2) == .milliseconds(100))
        #expect(policy.delay(method: "POST", url: action, after: conflict, attempt: 3) == nil)
        #expect(policy.delay(method: "POST", url: item, after: conflict, attempt: 1) == nil)
        #expect(policy.delay(method: "PUT", url: item, after: unavailable, attempt: 1) == nil)
        for _ in 0..<50 {
            let first = try #require(policy.delay(method: "GET", url: item, after: unavailable, attempt: 1))
            let second = try #require(policy.delay(method: "GET", url: item, after: unavailable, attempt: 2))
            #expect(first >= .zero && first <= .milliseconds(200))
            #expect(second >= .zero && second <= .milliseconds(400))
        }
        #expect(policy.delay(method: "GET", url: item, after: unavailable, attempt: 3) == nil)
        let capped = RetryPolicy(readAttempts: 10, readBaseDelay: .seconds(1), readMaxDelay: .seconds(2))
        for _ in 0..<20 {
            #expect(try #require(capped.delay(method: "GET", url: item, after: unavailable, attempt: 8)) <= .seconds(2))
        }
        #expect(policy.delay(method: "GET", url: item, after: CancellationError(), attempt: 1) == nil)
        #expect(RetryPolicy.none.delay(method: "GET", url: item, after: unavailable, attempt: 1) == nil)
    }
}
