// RancherRuntime tests: Redirects: followed within the server's origin only, over real HTTP on loopback.

import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_spi(Generated) @testable import RancherRuntime

@Suite("Runtime redirects")
struct RuntimeRedirectTests {
    private typealias Server = LoopbackServer

    /// A second server on another host: 127.0.0.2 where the system routes it (Linux), else 127.0.0.1 addressed
    /// as `localhost`, which is another origin too.
    private func withOtherHost<T>(_ body: (LoopbackServer, URL) async throws -> T) async throws -> T {
        let other: LoopbackServer
        let url: URL
        if let server = try? LoopbackServer(host: "127.0.0.2") {
            (other, url) = (server, server.baseURL)
        } else {
            other = try LoopbackServer()
            url = try #require(URL(string: "http://localhost:\(other.port)"))
        }
        do {
            let result = try await body(other, url)
            await other.stop()
            return result
        } catch {
            await other.stop()
            throw error
        }
    }

    @Test("A redirect to another host is refused, and that host receives nothing", arguments: [false, true])
    func otherHostRefused(userSession: Bool) async throws {
        try await withOtherHost { other, otherURL in
            try await Server.with { server in
                other.respondToAll { _ in .json(#"{"id":"stolen"}"#) }
                let target = otherURL.absoluteString + "/v2-beta/projects/1a5/widgets/1w1"
                server.enqueue(.redirect(302, to: target))
                server.enqueue(.redirect(307, to: target))
                let transport = userSession
                    ? URLSessionTransport(session: URLSession(configuration: Fixture.sessionConfiguration))
                    : Fixture.transport
                let client = RancherClient(
                    baseURL: server.baseURL, accessKey: Fixture.accessKey, secretKey: Fixture.secretKey,
                    projectID: Fixture.projectID, configuration: Fixture.configuration, transport: transport)
                for method in ["GET", "POST"] {
                    let request = APIRequest(method: method, path: Fixture.resourcePath, id: "1w1", body: method == "POST" ? TestWidget(name: "x") : nil)
                    let error = await thrownError { try await client.send(request) }
                    guard case let .redirectRefused(from, to)? = error as? RancherError else {
                        Issue.record("\(method): expected .redirectRefused, got \(String(describing: error))")
                        continue
                    }
                    #expect(from.path == "/v2-beta/projects/1a5/widgets/1w1")
                    #expect(to.absoluteString == target)
                    #expect(!String(describing: error).contains(Fixture.secretKey))
                }
                #expect(server.requests.count == 2)
                #expect(other.requests.isEmpty, "\(other.requests)")
            }
        }
    }

    @Test("A redirect to another port of the same host is another origin: refused")
    func otherPortRefused() async throws {
        try await Server.with { other in
            try await Server.with { server in
                server.enqueue(.redirect(301, to: other.baseURL.absoluteString + "/v2-beta/widgets"))
                let error = await thrownError { try await Fixture.client(for: server).send(APIRequest(method: "GET", path: "/v2-beta/widgets")) }
                guard case .redirectRefused? = error as? RancherError else {
                    Issue.record("expected .redirectRefused, got \(String(describing: error))")
                    return
                }
                #expect(other.requests.isEmpty)
            }
        }
    }

    @Test("A same-origin 302 is followed, with the credentials")
    func sameOriginFollowed() async throws {
        try await Server.with { server in
            server.enqueue(.redirect(302, to: "/v2-beta/projects/1a5/widgets/1w2"))
            server.enqueueJSON(Fixture.widgetJSON(id: "1w2", name: "moved"))
            let request = APIRequest(method: "GET", path: Fixture.resourcePath, id: "1w1")
            let widget = try await Fixture.client(for: server).send(request, decoding: TestWidget.self)
            #expect(widget.name == "moved")
            let requests = server.requests
            #expect(requests.map(\.path) == ["/v2-beta/projects/1a5/widgets/1w1", "/v2-beta/projects/1a5/widgets/1w2"])
            #expect(requests.allSatisfy { $0.headers["authorization"]?.hasPrefix("Basic ") == true })
        }
    }

    @Test("307 keeps the POST and its body; 303 turns it into a GET without body")
    func redirectMethods() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            let base = server.baseURL.absoluteString
            server.enqueue(.redirect(307, to: base + "/v2-beta/projects/1a5/widgets/1w1?action=activate"))
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "a"))
            server.enqueue(.redirect(303, to: base + "/v2-beta/projects/1a5/widgets/1w1"))
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "b"))
            let action = APIRequest(method: "POST", path: "/v2-beta/widgets/${ID}?action=activate", id: "1w1", body: TestWidget(name: "in"))
            _ = try await client.send(action, decoding: TestWidget.self)
            _ = try await client.send(action, decoding: TestWidget.self)
            let requests = server.requests
            try #require(requests.count == 4)
            #expect(requests.map(\.method) == ["POST", "POST", "POST", "GET"])
            #expect(requests[1].body == requests[0].body)
            #expect(String(decoding: requests[1].body, as: UTF8.self) == #"{"name":"in"}"#)
            #expect(requests[1].query == "action=activate")
            #expect(requests[3].body.isEmpty)
        }
    }

    @Test("A redirect loop stops after five hops with the redirect as an unexpected status")
    func redirectLoop() async throws {
        try await Server.with { server in
            server.respondToAll { _ in .redirect(302, to: "/v2-beta/widgets") }
            let error = await thrownError { try await Fixture.client(for: server).send(APIRequest(method: "GET", path: "/v2-beta/widgets")) }
            #expect((error as? RancherError)?.status == 302)
            #expect(server.requests.count == 6)
        }
    }
}
