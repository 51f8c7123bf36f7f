// RancherRuntime tests: Tests of the runtime support code over real HTTP on 127.0.0.1.

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

@Suite("Runtime over loopback HTTP")
struct RuntimeTests {
    private typealias Server = LoopbackServer

    @Test("Authorization is HTTP basic from the access and secret keys")
    func basicAuthorization() async throws {
        try await Server.with { server in
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "one"))
            let request = APIRequest(method: "GET", path: Fixture.resourcePath, id: "1w1")
            let widget = try await Fixture.client(for: server).send(request, decoding: TestWidget.self)
            #expect(widget.id == "1w1")
            #expect(widget.name == "one")
            #expect(widget.labels?["replicas"] == 3)
            let recorded = try #require(server.requests.first)
            let token = Data("\(Fixture.accessKey):\(Fixture.secretKey)".utf8).base64EncodedString()
            #expect(recorded.headers["authorization"] == "Basic \(token)")
            #expect(recorded.headers["accept"] == "application/json")
            #expect(recorded.method == "GET")
            #expect(recorded.path == "/v2-beta/projects/1a5/widgets/1w1")
            #expect(recorded.query == nil)
        }
    }

    @Test("Credentials never appear in descriptions or dumps of the client, requests or errors")
    func credentialsStayHidden() async throws {
        let token = Data("\(Fixture.accessKey):\(Fixture.secretKey)".utf8).base64EncodedString()
        var texts: [String] = []
        func record(_ value: Any) {
            var dumped = ""
            dump(value, to: &dumped)
            texts += [String(describing: value), String(reflecting: value), dumped]
        }
        try await Server.with { server in
            let client = Fixture.client(for: server)
            record(client)
            server.enqueueJSON(#"{"type":"error","status":401,"code":"Unauthorized","message":"Unauthorized"}"#, status: 401)
            server.enqueue(.init(status: 500, body: Data("<html>oops</html>".utf8)))
            for _ in 0..<2 {
                let error = await thrownError { try await client.send(APIRequest(method: "GET", path: "/v2-beta/widgets")) }
                record(try #require(error))
            }
            let recorded = try #require(server.requests.first)
            #expect(recorded.headers["authorization"] == "Basic \(token)")
        }
        // Nothing listens there, so this is a transport error.
        let transportError = try await LoopbackSocket.withRefusingPort { refusing in
            await thrownError { try await Fixture.client(baseURL: refusing).send(APIRequest(method: "GET", path: "/v2-beta/widgets")) }
        }
        record(try #require(transportError))
        let url = try #require(URL(string: "http://127.0.0.1:9/v2-beta"))
        record(HTTPRequest(method: "GET", url: url, headers: ["Authorization": "Basic \(token)"]))
        for text in texts {
            #expect(!text.contains(Fixture.secretKey), "\(text)")
            #expect(!text.contains(Fixture.accessKey), "\(text)")
            #expect(!text.contains(token), "\(text)")
        }
    }

    @Test("List options become the query: filters sorted by key, then sort, order, limit, marker")
    func listQuery() async throws {
        try await Server.with { server in
            server.enqueueJSON(#"{"type":"collection","resourceType":"widget","data":[],"links":{}}"#)
            let options = ListOptions(
                filters: ["state_ne": "removed", "name": "web one+two&x=y"],
                sort: "created", order: .descending, limit: 25, marker: "m/1"
            )
            let request = APIRequest(method: "GET", path: Fixture.collectionPath, query: options.queryItems)
            let page = try await Fixture.client(for: server).page(request, of: TestWidget.self)
            #expect(page.data.isEmpty)
            #expect(page.pagination == nil)
            let recorded = try #require(server.requests.first)
            #expect(recorded.path == "/v2-beta/projects/1a5/widgets")
            #expect(recorded.query == "name=web%20one%2Btwo%26x%3Dy&state_ne=removed&sort=created&order=desc&limit=25&marker=m%2F1")
        }
    }

    @Test("POST and PUT send sorted JSON bodies without nil fields; DELETE ignores the response")
    func jsonBodies() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            let created = try #require(ISO8601Timestamp.date(from: "2016-05-04T18:26:01Z"))
            let widget = TestWidget(name: "w", state: .unknown("paused"), created: created, labels: ["tier": "web"])
            server.enqueueJSON(Fixture.widgetJSON(id: "1w9", name: "w"), status: 201)
            server.enqueueJSON(Fixture.widgetJSON(id: "1w9", name: "w2"))
            server.enqueue(.init(status: 204))
            let made = try await client.send(
                APIRequest(method: "POST", path: Fixture.collectionPath, body: widget), decoding: TestWidget.self)
            var changed = widget
            changed.name = "w2"
            let updated = try await client.send(
                APIRequest(method: "PUT", path: Fixture.resourcePath, id: "1w9", body: changed), decoding: TestWidget.self)
            try await client.send(APIRequest(method: "DELETE", path: Fixture.resourcePath, id: "1w9"))
            #expect(made.id == "1w9")
            #expect(updated.name == "w2")
            let requests = server.requests
            try #require(requests.count == 3)
            #expect(requests.map(\.method) == ["POST", "PUT", "DELETE"])
            #expect(requests[0].headers["content-type"] == "application/json")
            let expected = #"{"created":"2016-05-04T18:26:01Z","labels":{"tier":"web"},"name":"w","state":"paused"}"#
            #expect(String(decoding: requests[0].body, as: UTF8.self) == expected)
            #expect(String(decoding: requests[1].body, as: UTF8.self) == expected.replacingOccurrences(of: "\"w\"", with: "\"w2\""))
            #expect(requests[1].path == "/v2-beta/projects/1a5/widgets/1w9")
            #expect(requests[2].body.isEmpty)
        }
    }

    @Test("A large body arrives whole (Content-Length across many reads)")
    func largeBody() async throws {
        try await Server.with { server in
            server.enqueueJSON(Fixture.widgetJSON(id: "1w2", name: "big"), status: 201)
            let big = String(repeating: "0123456789", count: 50_000)
            let widget = TestWidget(name: "big", labels: ["blob": .string(big)])
            let request = APIRequest(method: "POST", path: Fixture.collectionPath, body: widget)
            _ = try await Fixture.client(for: server).send(request, decoding: TestWidget.self)
            let recorded = try #require(server.requests.first)
            #expect(recorded.headers["content-length"] == String(recorded.body.count))
            let echoed = try RancherCoding.makeDecoder().decode(TestWidget.self, from: recorded.body)
            #expect(echoed == widget)
        }
    }

    @Test("An ?action= in the docs path stays in the query")
    func actionPath() async throws {
        try await Server.with { server in
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "one", state: "activating"))
            let request = APIRequest(method: "POST", path: Fixture.resourcePath + "?action=activate", id: "1w1")
            let widget = try await Fixture.client(for: server).send(request, decoding: TestWidget.self)
            #expect(widget.state == .unknown("activating"))
            let recorded = try #require(server.requests.first)
            #expect(recorded.method == "POST")
            #expect(recorded.path == "/v2-beta/projects/1a5/widgets/1w1")
            #expect(recorded.query == "action=activate")
        }
    }

    @Test("IDs are percent-encoded as one path segment")
    func idEncoding() async throws {
        try await Server.with { server in
            server.enqueueJSON(Fixture.widgetJSON(id: "x", name: "odd"))
            let request = APIRequest(method: "GET", path: Fixture.resourcePath, id: "a/b c?d%e#é")
            _ = try await Fixture.client(for: server).send(request, decoding: TestWidget.self)
            let recorded = try #require(server.requests.first)
            #expect(recorded.path == "/v2-beta/projects/1a5/widgets/a%2Fb%20c%3Fd%25e%23%C3%A9")
            #expect(recorded.query == nil)
        }
        let baseURL = try #require(URL(string: "http://127.0.0.1:9"))
        for bad in ["", ".", ".."] {
            let error = await thrownError {
                _ = try APIRequest(method: "GET", path: Fixture.resourcePath, id: bad).url(baseURL: baseURL, projectID: "1a5")
            }
            guard case .invalidURL? = error as? RancherError else {
                Issue.record("id \"\(bad)\" gave \(String(describing: error))")
                continue
            }
        }
    }

    @Test("${PROJECT_ID} is substituted, and missing it throws before any request")
    func projectSubstitution() async throws {
        try await Server.with { server in
            server.enqueueJSON(#"{"data":[]}"#)
            let scoped = Fixture.client(for: server, projectID: "1a 7")
            _ = try await scoped.page(APIRequest(method: "GET", path: Fixture.collectionPath), of: TestWidget.self)
            #expect(server.requests.first?.path == "/v2-beta/projects/1a%207/widgets")

            let unscoped = Fixture.client(for: server, projectID: nil)
            let error = await thrownError {
                _ = try await unscoped.page(APIRequest(method: "GET", path: Fixture.collectionPath), of: TestWidget.self)
            }
            guard case .missingProjectID? = error as? RancherError else {
                Issue.record("expected missingProjectID, got \(String(describing: error))")
                return
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test("PageSequence yields the items of every page, following pagination.next")
    func allPages() async throws {
        try await Server.with { server in
            let base = server.baseURL.absoluteString
            server.enqueueJSON("""
                {"type":"collection","data":[\(Fixture.widgetJSON(id: "1w1", name: "a")),\(Fixture.widgetJSON(id: "1w2", name: "b"))],
                 "pagination":{"first":null,"previous":null,"next":"\(base)/v2-beta/projects/1a5/widgets?limit=2&marker=m2",
                 "last":null,"limit":2,"total":null,"partial":true}}
                """)
            // Another origin: the client must rebase it onto 127.0.0.1:<port>, never call it.
            server.enqueueJSON("""
                {"data":[],"pagination":{"next":"http://127.0.0.1:1/v2-beta/projects/1a5/widgets?limit=2&marker=m3","limit":2}}
                """)
            server.enqueueJSON(#"{"data":[\#(Fixture.widgetJSON(id: "1w3", name: "c"))],"pagination":{"next":"","limit":2}}"#)
            let options = ListOptions(limit: 2)
            let sequence = PageSequence<TestWidget>(
                client: Fixture.client(for: server),
                firstPage: APIRequest(method: "GET", path: Fixture.collectionPath, query: options.queryItems)
            )
            var names: [String] = []
            for try await widget in sequence {
                names.append(widget.name ?? "?")
            }
            #expect(names == ["a", "b", "c"])
            #expect(server.requests.map { $0.query ?? "" } == ["limit=2", "limit=2&marker=m2", "limit=2&marker=m3"])
        }
    }

    @Test("A pagination.next loop ends the sequence with an error")
    func paginationLoop() async throws {
        try await Server.with { server in
            let next = "\(server.baseURL.absoluteString)/v2-beta/widgets?marker=same"
            for _ in 0..<2 {
                server.enqueueJSON(#"{"data":[{"id":"x"}],"pagination":{"next":"\#(next)"}}"#)
            }
            let sequence = PageSequence<TestWidget>(
                client: Fixture.client(for: server), firstPage: APIRequest(method: "GET", path: "/v2-beta/widgets"))
            var count = 0
            let error = await thrownError {
                for try await _ in sequence { count += 1 }
            }
            #expect(count == 2)
            #expect(error is RancherError)
            #expect(server.requests.count == 2)
        }
    }
}
