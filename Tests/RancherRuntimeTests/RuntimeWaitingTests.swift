// RancherRuntime tests: Waiting for a resource to settle or go away, over real HTTP on 127.0.0.1.

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

@Suite("Runtime waits")
struct RuntimeWaitingTests {
    private typealias Server = LoopbackServer

    private let path = "/v2-beta/projects/${PROJECT_ID}/services/${ID}"
    private let id = Resource.ID("1s1")

    @Test("Polls while transitioning is yes and returns the settled resource")
    func settles() async throws {
        try await Server.with { server in
            server.enqueueJSON(Fixture.resourceJSON(state: "activating", transitioning: "yes"))
            server.enqueueJSON(Fixture.resourceJSON(state: "activating", transitioning: "yes"))
            server.enqueueJSON(Fixture.resourceJSON(state: "active"))
            let service = try await Fixture.client(for: server).waitUntilSettled(path, id: id)
            #expect(service.state == "active")
            #expect(service.transitioning == .no)
            #expect(server.requests.count == 3)
            #expect(server.requests.allSatisfy { $0.method == "GET" && $0.path == "/v2-beta/projects/1a5/services/1s1" })
        }
    }

    @Test("A failed transition throws transitionFailed with the server's message")
    func transitionFails() async throws {
        try await Server.with { server in
            server.enqueueJSON(Fixture.resourceJSON(state: "activating", transitioning: "yes"))
            server.enqueueJSON(Fixture.resourceJSON(state: "inactive", transitioning: "error", message: "Port 80 in use"))
            let error = await thrownError { _ = try await Fixture.client(for: server).waitUntilSettled(path, id: id) }
            guard case let .transitionFailed(type, failedID, message)? = error as? RancherError else {
                Issue.record("expected .transitionFailed, got \(String(describing: error))")
                return
            }
            #expect(type == "service")
            #expect(failedID == "1s1")
            #expect(message == "Port 80 in use")
        }
    }

    @Test("A resource that never settles times out after the policy's timeout")
    func timesOut() async throws {
        try await Server.with { server in
            server.respondToAll { _ in .json(Fixture.resourceJSON(state: "activating", transitioning: "yes")) }
            let policy = WaitPolicy(initialDelay: .milliseconds(10), maxDelay: .milliseconds(40), timeout: .milliseconds(300))
            var error: (any Error)?
            let time = await elapsed {
                error = await thrownError { _ = try await Fixture.client(for: server).waitUntilSettled(path, id: id, policy: policy) }
            }
            guard case let .timedOut(_, _, after)? = error as? RancherError else {
                Issue.record("expected .timedOut, got \(String(describing: error))")
                return
            }
            #expect(after == .milliseconds(300))
            // `.timedOut` after 300 ms is the proof it gave up; how soon the suite's busy cores let it report varies.
            #expect(time >= .milliseconds(300), "\(time)")
            // How often it polled depends on the loopback round trips: while the whole suite ran on two busy cores
            // (CI), one took the entire 300 ms. That it polls again while `yes` is the settling test's business.
            #expect(server.requests.count >= 1)
        }
    }

    @Test("Cancelling the waiting task stops the polling with CancellationError")
    func cancellation() async throws {
        try await Server.with { server in
            server.respondToAll { _ in .json(Fixture.resourceJSON(state: "activating", transitioning: "yes")) }
            let client = Fixture.client(for: server)
            let policy = WaitPolicy(initialDelay: .milliseconds(50), maxDelay: .milliseconds(50), timeout: .seconds(60))
            let task = Task { try await client.waitUntilSettled(path, id: id, policy: policy) }
            try await Task.sleep(for: .milliseconds(150))
            task.cancel()
            // The error is the proof: a wait that ignored the cancellation would end in `.timedOut` after 60 s (or
            // fail once the loopback server stops answering).
            let result = await task.result
            guard case .failure(let error) = result else {
                Issue.record("the wait succeeded")
                return
            }
            #expect(error is CancellationError, "\(error)")
            // A request sent just before the cancellation may reach the server's log after the task ended
            // (seen once in CI); a poller that kept going would send three more in the next 150 ms.
            try await Task.sleep(for: .milliseconds(50))
            let count = server.requests.count
            try await Task.sleep(for: .milliseconds(150))
            #expect(server.requests.count == count, "no poll after the cancellation")
        }
    }

    @Test("waitUntilRemoved ends on 404")
    func removedByNotFound() async throws {
        try await Server.with { server in
            server.enqueueJSON(Fixture.resourceJSON(state: "removing", transitioning: "yes"))
            server.enqueueJSON(#"{"type":"error","status":404,"code":"NotFound"}"#, status: 404)
            try await Fixture.client(for: server).waitUntilRemoved(path, id: id)
            #expect(server.requests.count == 2)
        }
    }

    @Test("waitUntilRemoved ends on state removed, and on a removed date")
    func removedByState() async throws {
        try await Server.with { server in
            server.enqueueJSON(Fixture.resourceJSON(state: "removing", transitioning: "yes"))
            server.enqueueJSON(Fixture.resourceJSON(state: "removed"))
            server.enqueueJSON(Fixture.resourceJSON(state: "purging", transitioning: "yes", removed: "2016-05-04T18:26:01Z"))
            let client = Fixture.client(for: server)
            try await client.waitUntilRemoved(path, id: id)
            #expect(server.requests.count == 2)
            try await client.waitUntilRemoved(path, id: id)
            #expect(server.requests.count == 3)
        }
    }

    @Test("Any resource waits through its self link, rebased onto the configured server")
    func waitsThroughSelfLink() async throws {
        try await Server.with { server in
            let link = "http://10.0.0.9:8080/v2-beta/projects/1a5/services/1s1"
            let resource = try Fixture.decode(
                Resource.self, Fixture.resourceJSON(state: "activating", transitioning: "yes", links: ["self": link]))
            server.enqueueJSON(Fixture.resourceJSON(state: "activating", transitioning: "yes", links: ["self": link]))
            server.enqueueJSON(Fixture.resourceJSON(state: "active", links: ["self": link]))
            let settled = try await Fixture.client(for: server).waitUntilSettled(resource)
            #expect(settled.state == "active")
            #expect(server.requests.map(\.path) == ["/v2-beta/projects/1a5/services/1s1", "/v2-beta/projects/1a5/services/1s1"])
        }
    }
}
