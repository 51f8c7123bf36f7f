// RancherRuntime tests: Client configuration and base URL forms, over real HTTP on 127.0.0.1.

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

@Suite("Runtime configuration")
struct RuntimeConfigurationTests {
    private typealias Server = LoopbackServer

    @Test("A server slower than the timeout fails the request within the timeout")
    func timeout() async throws {
        try await Server.with { server in
            server.enqueue(.init(status: 200, body: Data("{}".utf8), delay: .seconds(8)))
            var configuration = Fixture.configuration
            // One second: URLSession on Linux counts whole seconds.
            configuration.timeout = .seconds(1)
            let client = Fixture.client(for: server, configuration: configuration)
            var error: (any Error)?
            let time = await elapsed {
                error = await thrownError { try await client.send(APIRequest(method: "GET", path: "/v2-beta/widgets")) }
            }
            guard case .transport(let underlying)? = error as? RancherError else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
            #expect((underlying as? URLError)?.code == .timedOut, "\(underlying)")
            // `.timedOut` is the proof: without the timeout the server's answer (after 8 s) would have succeeded. How
            // soon the failure is reported depends on how busy the suite keeps the cores, so only the lower bound.
            #expect(time >= .milliseconds(900), "\(time)")
        }
    }

    @Test("The observer sees every try, with Authorization redacted, its response or error, and how long it took")
    func observer() async throws {
        try await Server.with { server in
            let exchanges = Locked([HTTPExchange]())
            var configuration = Fixture.configuration
            configuration.retryPolicy = Fixture.fastRetries
            configuration.observer = { exchange in exchanges.withLock { $0.append(exchange) } }
            server.enqueue(.init(status: 503))
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "one"))
            let request = APIRequest(method: "GET", path: Fixture.resourcePath, id: "1w1")
            _ = try await Fixture.client(for: server, configuration: configuration).send(request, decoding: TestWidget.self)
            let seen = exchanges.withLock { $0 }
            try #require(seen.count == 2)
            #expect(seen.map(\.attempt) == [1, 2])
            #expect(seen.map { $0.response?.statusCode } == [503, 200])
            #expect(seen.allSatisfy { $0.error == nil && $0.duration > .zero })
            #expect(seen.allSatisfy { $0.request.headers["Authorization"] == "<redacted>" })
            #expect(seen[0].request.url.path == "/v2-beta/projects/1a5/widgets/1w1")
            let token = Data("\(Fixture.accessKey):\(Fixture.secretKey)".utf8).base64EncodedString()
            var dumped = ""
            dump(seen, to: &dumped)
            #expect(!dumped.contains(token) && !dumped.contains(Fixture.secretKey))
            #expect(seen[1].description.contains("→ 200"))
            // The server itself did get the credentials.
            #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Basic \(token)" })
        }
    }

    @Test("X-API-Project-Id is sent when a project is known, unless turned off")
    func projectHeader() async throws {
        try await Server.with { server in
            for _ in 0..<3 { server.enqueueJSON(#"{"data":[]}"#) }
            let request = APIRequest(method: "GET", path: "/v2-beta/widgets")
            try await Fixture.client(for: server).send(request)
            try await Fixture.client(for: server, projectID: nil).send(request)
            var configuration = Fixture.configuration
            configuration.sendsProjectHeader = false
            try await Fixture.client(for: server, configuration: configuration).send(request)
            #expect(server.requests.map { $0.headers["x-api-project-id"] } == ["1a5", nil, nil])
        }
    }

    @Test("Every form of base URL gives the same request path, never doubled; a proxy prefix is kept")
    func baseURLForms() async throws {
        try await Server.with { server in
            let base = server.baseURL
            let cases: [(base: String, projectID: String?, path: String)] = [
                ("", "1a5", "/v2-beta/projects/1a5/widgets"),
                ("/", "1a5", "/v2-beta/projects/1a5/widgets"),
                ("/v2-beta", "1a5", "/v2-beta/projects/1a5/widgets"),
                ("/v2-beta/projects/1a5", nil, "/v2-beta/projects/1a5/widgets"),
                ("/v2-beta/projects/1a5/", nil, "/v2-beta/projects/1a5/widgets"),
                ("/v2-beta/projects/1a5", "1a7", "/v2-beta/projects/1a7/widgets"),
                ("/rancher", "1a5", "/rancher/v2-beta/projects/1a5/widgets"),
                ("/rancher/v2-beta/projects/1a5", nil, "/rancher/v2-beta/projects/1a5/widgets"),
            ]
            for _ in cases { server.enqueueJSON(#"{"data":[]}"#) }
            for entry in cases {
                let client = Fixture.client(baseURL: try Fixture.url(base, entry.base), projectID: entry.projectID)
                _ = try await client.page(APIRequest(method: "GET", path: Fixture.collectionPath), of: TestWidget.self)
                #expect(client.projectID == (entry.projectID ?? "1a5"))
            }
            #expect(server.requests.map(\.path) == cases.map(\.path))
        }
    }

    @Test("URL building for the base URL forms, without a server")
    func endpointParsing() throws {
        let request = APIRequest(method: "GET", path: "/v2-beta/projects/${PROJECT_ID}/services")
        func built(_ base: String, _ projectID: String? = nil) throws -> String {
            try request.url(baseURL: try #require(URL(string: base)), projectID: projectID).absoluteString
        }
        #expect(try built("https://host/v2-beta/projects/1a5") == "https://host/v2-beta/projects/1a5/services")
        #expect(try built("https://host", "1a5") == "https://host/v2-beta/projects/1a5/services")
        #expect(try built("https://host:8443/v2-beta", "1a5") == "https://host:8443/v2-beta/projects/1a5/services")
        #expect(try built("https://host/rancher", "1a5") == "https://host/rancher/v2-beta/projects/1a5/services")
        #expect(try built("https://key:secret@host/v2-beta/projects/1a5?x=1") == "https://host/v2-beta/projects/1a5/services")
        #expect(throws: RancherError.self) { try built("https://host/v2-beta") }

        let endpoint = ServerEndpoint(baseURL: try #require(URL(string: "https://host/rancher/v2-beta/projects/1a5")))
        #expect(endpoint.root.absoluteString == "https://host/rancher")
        #expect(endpoint.apiVersion == "v2-beta")
        #expect(endpoint.projectID == "1a5")
        #expect(endpoint.isSameOrigin(try #require(URL(string: "https://HOST:443/other"))))
        #expect(!endpoint.isSameOrigin(try #require(URL(string: "http://host/rancher"))))
        #expect(!endpoint.isSameOrigin(try #require(URL(string: "https://host:8443/rancher"))))
        #expect(!endpoint.isSameOrigin(try #require(URL(string: "https://other/rancher"))))
        let foreign = try #require(URL(string: "http://10.0.0.9:8080/v2-beta/services?marker=m2"))
        #expect(try endpoint.rebase(foreign).absoluteString == "https://host/rancher/v2-beta/services?marker=m2")
        let prefixed = try #require(URL(string: "http://10.0.0.9:8080/rancher/v2-beta/services"))
        #expect(try endpoint.rebase(prefixed).absoluteString == "https://host/rancher/v2-beta/services")
        let own = try #require(URL(string: "https://host/rancher/v2-beta/services?limit=1"))
        #expect(try endpoint.rebase(own) == own)
    }

    @Test("The request timeout reaches the transport; the configuration's defaults")
    func defaults() throws {
        let configuration = RancherClient.Configuration.default
        #expect(configuration.timeout == .seconds(60))
        #expect(configuration.retryPolicy == .default)
        #expect(configuration.waitPolicy == .default)
        #expect(configuration.sendsProjectHeader)
        #expect(configuration.maxRedirects == 5)
        let url = try #require(URL(string: "http://127.0.0.1:9"))
        let legacy = RancherClient(baseURL: url, accessKey: "a", secretKey: "b", projectID: "1a5")
        #expect(legacy.configuration.retryPolicy == .default)
        #expect(HTTPRequest(method: "GET", url: url, timeout: .seconds(3)).timeout == .seconds(3))
    }
}
