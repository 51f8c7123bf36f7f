import Foundation
import Testing
import ApigenKit
@testable import RancherMock

/// The mock server's behaviour without HTTP: requests in, Cattle's answers out, on a v1.6/v2-beta docs set: the
/// fixture set always, the real one too where the corpus is found.
@Suite("Mock server")
struct MockServerTests {
    enum Docs: String, Sendable, CustomTestStringConvertible {
        case fixture, corpus

        var testDescription: String { rawValue }

        var folder: URL {
            get throws {
                switch self {
                case .fixture: try TestPaths.fixtureDocsSet("v1.6/en/api/v2-beta")
                case .corpus: TestPaths.corpusSet("v1.6/en/api/v2-beta")
                }
            }
        }
    }

    /// The sets each test runs on (the corpus suites report the corpus's absence, with how to get it).
    static let sets: [Docs] = TestPaths.corpusRoot == nil ? [.fixture] : [.fixture, .corpus]

    static func server(_ docs: Docs, delay: Double = 0, keys: (String, String)? = nil, state: URL? = nil) throws -> MockServer {
        let document = try DocsSetLoader.load(docs.folder)
        return try MockServer(document: document, options: MockOptions(accessKey: keys?.0, secretKey: keys?.1,
                                                                       transitionDelay: delay, stateFile: state))
    }

    static func send(_ server: MockServer, _ method: String, _ path: String, _ body: String? = nil,
                     query: [(name: String, value: String)] = [], headers: [String: String] = [:]) -> MockResponse {
        server.handle(MockRequest(method: method, path: path, query: query, headers: headers, body: Array((body ?? "").utf8)))
    }

    static func string(_ response: MockResponse, _ key: String) -> String? { response.json?[key]?.stringValue }

    @Test(arguments: sets)
    func discoveryLeadsToSchemasAndCollections(_ docs: Docs) throws {
        let server = try Self.server(docs)
        let root = Self.send(server, "GET", "/")
        #expect(root.status == 200)
        #expect(root.json?["data"]?.elements?.first?["id"] == "v2-beta")
        let version = Self.send(server, "GET", "/v2-beta")
        #expect(version.headers.contains { $0.name == "X-API-Schemas" && $0.value == "http://localhost:8080/v2-beta/schemas" })
        #expect(version.json?["links"]?["services"] == "http://localhost:8080/v2-beta/services")
        let schemas = Self.send(server, "GET", "/v2-beta/schemas")
        let service = schemas.json?["data"]?.elements?.first { $0["id"] == "service" }
        // What the mock serves: v1.6's service page documents no create, its fields can be set on create.
        #expect(service?["collectionMethods"] == ["GET", "POST"])
        #expect(Self.send(server, "GET", "/v2-beta/schemas/launchconfig").json?["id"] == "launchConfig")
    }

    @Test(arguments: sets)
    func createMovesThroughItsStatesAndListsOnlyWhatsAlive(_ docs: Docs) throws {
        let server = try Self.server(docs, delay: 0)
        let created = Self.send(server, "POST", "/v2-beta/stacks", #"{"name":"web","description":"x"}"#)
        #expect(created.status == 201)
        #expect(Self.string(created, "state") == "activating")
        #expect(Self.string(created, "transitioning") == "yes")
        let id = try #require(Self.string(created, "id"))
        #expect(id.hasPrefix("1st"))
        let settled = Self.send(server, "GET", "/v2-beta/stacks/\(id)")
        #expect(Self.string(settled, "state") == "active")
        #expect(Self.string(settled, "transitioning") == "no")
        #expect(settled.json?["links"]?["self"] == .string("http://localhost:8080/v2-beta/stacks/\(id)"))
        #expect(settled.json?["accountId"] == "1a5")

        let removing = Self.send(server, "DELETE", "/v2-beta/stacks/\(id)")
        #expect(Self.string(removing, "state") == "removing")
        let removed = Self.send(server, "GET", "/v2-beta/stacks/\(id)")
        #expect(Self.string(removed, "state") == "removed")
        #expect(removed.json?["removed"]?.stringValue != nil)
        #expect(Self.send(server, "GET", "/v2-beta/stacks").json?["data"] == [])
        #expect(Self.send(server, "GET", "/v2-beta/stacks", query: [("removed_notnull", "")]).json?["data"]?.elements?.count == 1)
    }

    @Test(arguments: sets)
    func actionsFollowTheState(_ docs: Docs) throws {
        let server = try Self.server(docs, delay: 60)  // transitions never end during the test
        let stack = try #require(Self.string(Self.send(server, "POST", "/v2-beta/stacks", #"{"name":"s"}"#), "id"))
        let created = Self.send(server, "POST", "/v2-beta/services",
                                #"{"name":"web","stackId":"\#(stack)","launchConfig":{"imageUuid":"docker:a","runInit":true}}"#)
        let id = try #require(Self.string(created, "id"))
        // Busy: no action is offered, and one sent anyway is refused.
        #expect(created.json?["actions"] == .object([]))
        let busy = Self.send(server, "POST", "/v2-beta/services/\(id)", query: [("action", "deactivate")])
        #expect(busy.status == 422)
        #expect(Self.string(busy, "code") == "ActionNotAvailable")
        #expect(Self.string(busy, "fieldName") == "action")
        let unknown = Self.send(server, "POST", "/v2-beta/services/\(id)", query: [("action", "explode")])
        #expect(Self.string(unknown, "code") == "InvalidAction")

        let settledServer = try Self.server(docs, delay: 0)
        let stack2 = try #require(Self.string(Self.send(settledServer, "POST", "/v2-beta/stacks", #"{"name":"s"}"#), "id"))
        let service = try #require(Self.string(Self.send(settledServer, "POST", "/v2-beta/services",
            #"{"name":"web","stackId":"\#(stack2)","launchConfig":{"imageUuid":"docker:a","drainTimeoutMs":5}}"#), "id"))
        let active = Self.send(settledServer, "GET", "/v2-beta/services/\(service)")
        let actions = Set(active.json?["actions"]?.members?.map(\.key) ?? [])
        #expect(actions.contains("upgrade") && actions.contains("deactivate") && !actions.contains("finishupgrade") && !actions.contains("activate"))
        let upgrade = Self.send(settledServer, "POST", "/v2-beta/services/\(service)",
            #"{"inServiceStrategy":{"launchConfig":{"imageUuid":"docker:b","drainTimeoutMs":5}}}"#, query: [("action", "upgrade")])
        #expect(upgrade.status == 202)
        #expect(Self.string(upgrade, "state") == "upgrading")
        let upgraded = Self.send(settledServer, "GET", "/v2-beta/services/\(service)")
        #expect(Self.string(upgraded, "state") == "upgraded")
        #expect(upgraded.json?["launchConfig"] == .object(["imageUuid": "docker:b", "drainTimeoutMs": .number("5")]))
        #expect(upgraded.json?["actions"]?["finishupgrade"] != nil)
        // The stack's services, by link and by include.
        let linked = Self.send(settledServer, "GET", "/v2-beta/stacks/\(stack2)/services")
        #expect(linked.json?["data"]?.elements?.map { $0["id"] } == [.string(service)])
        let included = Self.send(settledServer, "GET", "/v2-beta/stacks/\(stack2)", query: [("include", "services")])
        #expect(included.json?["services"]?.elements?.count == 1)
    }

    @Test(arguments: sets)
    func projectsScopeListsAndLinks(_ docs: Docs) throws {
        let server = try Self.server(docs)
        let inDefault = Self.send(server, "POST", "/v2-beta/projects/1a5/stacks", #"{"name":"a"}"#)
        #expect(inDefault.json?["links"]?["self"]?.stringValue?.hasPrefix("http://localhost:8080/v2-beta/projects/1a5/stacks/") == true)
        #expect(inDefault.headers.contains { $0.name == "X-API-Schemas" && $0.value == "http://localhost:8080/v2-beta/projects/1a5/schemas" })
        let inOther = Self.send(server, "POST", "/v2-beta/stacks", #"{"name":"b"}"#, headers: ["x-api-project-id": "1a7"])
        #expect(inOther.json?["accountId"] == "1a7")
        func names(_ path: String, _ headers: [String: String] = [:]) -> [String] {
            Self.send(server, "GET", path, headers: headers).json?["data"]?.elements?.compactMap { $0["name"]?.stringValue } ?? []
        }
        #expect(names("/v2-beta/projects/1a5/stacks") == ["a"])
        #expect(names("/v2-beta/stacks", ["x-api-project-id": "1a7"]) == ["b"])
        #expect(names("/v2-beta/stacks") == ["a", "b"], "no project: every project's")
        #expect(Self.send(server, "GET", "/v2-beta/projects/1a5").json?["name"] == "Default")
    }

    @Test(arguments: sets)
    func filtersSortAndPages(_ docs: Docs) throws {
        let server = try Self.server(docs)
        for name in ["b-2", "a-1", "c-3", "a-4", "d-5"] {
            _ = Self.send(server, "POST", "/v2-beta/stacks", #"{"name":"\#(name)"}"#)
        }
        func names(_ query: [(name: String, value: String)]) -> [String] {
            Self.send(server, "GET", "/v2-beta/stacks", query: query).json?["data"]?.elements?.compactMap { $0["name"]?.stringValue } ?? []
        }
        #expect(names([("name", "a-1")]) == ["a-1"])
        #expect(names([("name_ne", "a-1"), ("sort", "name")]) == ["a-4", "b-2", "c-3", "d-5"])
        #expect(names([("name_prefix", "a-"), ("sort", "name"), ("order", "desc")]) == ["a-4", "a-1"])
        #expect(names([("name_like", "%-_"), ("name_notlike", "a%"), ("sort", "name")]) == ["b-2", "c-3", "d-5"])
        #expect(names([("name_gt", "b"), ("name", "d-5")]) == ["d-5"], "text takes no order modifiers: ignored, as Cattle does")
        #expect(names([("createdTS_gt", "9999999999999")]) == [])
        #expect(names([("createdTS_lte", "9999999999999"), ("name_prefix", "a")]).count == 2)
        #expect(names([("description_null", ""), ("name", "d-5")]) == ["d-5"])
        #expect(names([("nonsense_eq", "1"), ("name", "d-5")]) == ["d-5"], "unknown filters are ignored")
        let page = Self.send(server, "GET", "/v2-beta/stacks", query: [("limit", "2"), ("sort", "name")])
        #expect(page.json?["data"]?.elements?.count == 2)
        #expect(page.json?["pagination"]?["partial"] == true)
        let next = try #require(page.json?["pagination"]?["next"]?.stringValue)
        let marker = try #require(URLComponents(string: next)?.queryItems?.first { $0.name == "marker" }?.value)
        let second = Self.send(server, "GET", "/v2-beta/stacks", query: [("limit", "2"), ("sort", "name"), ("marker", marker)])
        #expect(second.json?["data"]?.elements?.compactMap { $0["name"]?.stringValue } == ["b-2", "c-3"])
        #expect(page.json?["filters"]?["name"] == .null)
        #expect(page.json?["sortLinks"]?["name"] != nil)
        #expect(page.json?["createTypes"]?["stack"] == "http://localhost:8080/v2-beta/stacks")
    }

    /// Every bad request gets Cattle's error, and leaves the data as it was.
    @Test(arguments: sets)
    func badRequestsChangeNothing(_ docs: Docs) throws {
        let server = try Self.server(docs, keys: ("key", "secret"))
        let auth = ["authorization": "Basic " + Data("key:secret".utf8).base64EncodedString()]
        let stack = try #require(Self.string(Self.send(server, "POST", "/v2-beta/stacks", #"{"name":"s"}"#, headers: auth), "id"))
        _ = Self.send(server, "GET", "/v2-beta/stacks/\(stack)", headers: auth)  // settled before the snapshot
        let before = server.store.all
        let cases: [(String, String, String?, [(name: String, value: String)], [String: String], Int, String)] = [
            ("GET", "/v2-beta/stacks", nil, [], [:], 401, "Unauthorized"),
            ("GET", "/v2-beta/stacks", nil, [], ["authorization": "Basic a2V5Ondyb25n"], 401, "Unauthorized"),
            ("POST", "/v2-beta/stacks", "{\"name\":", [], auth, 400, "InvalidBodyContent"),
            ("POST", "/v2-beta/stacks", "[1,2]", [], auth, 400, "InvalidBodyContent"),
            ("POST", "/v2-beta/stacks", #"{"description":"no name"}"#, [], auth, 422, "MissingRequired"),
            ("POST", "/v2-beta/stacks", #"{"name":7}"#, [], auth, 422, "InvalidType"),
            ("POST", "/v2-beta/stacks", #"{"name":null}"#, [], auth, 422, "NotNullable"),
            ("POST", "/v2-beta/stacks", #"{"name":"x","startOnCreate":"yes"}"#, [], auth, 422, "InvalidType"),
            ("POST", "/v2-beta/services", #"{"name":"x","stackId":"1st999"}"#, [], auth, 422, "InvalidReference"),
            ("POST", "/v2-beta/services", #"{"name":"x","scale":1.5}"#, [], auth, 422, "InvalidType"),
            ("PUT", "/v2-beta/stacks/\(stack)", #"{"name":null}"#, [], auth, 422, "NotNullable"),
            ("POST", "/v2-beta/stacks", String(repeating: " ", count: MockOptions.maximumBodyBytes + 1), [], auth, 413, "RequestEntityTooLarge"),
            ("GET", "/v2-beta/nothings", nil, [], auth, 404, "NotFound"),
            ("GET", "/v2-beta/stacks/1st999", nil, [], auth, 404, "NotFound"),
            ("GET", "/v1/stacks", nil, [], auth, 404, "NotFound"),
            ("GET", "/v2-beta/stacks/..%2F..%2Fetc", nil, [], auth, 404, "NotFound"),
            ("GET", "/v2-beta/stacks/%2e%2e", nil, [], auth, 404, "NotFound"),
            ("GET", "/v2-beta/stacks/\(stack)%2Fservices", nil, [], auth, 404, "NotFound"),
            ("DELETE", "/v2-beta/stacks", nil, [], auth, 405, "MethodNotAllowed"),
            ("POST", "/v2-beta/stacks/\(stack)", "{}", [], auth, 405, "MethodNotAllowed"),
            ("POST", "/v2-beta/stacks/\(stack)", "{}", [("action", "launch")], auth, 422, "InvalidAction"),
            ("POST", "/v2-beta/processinstances", #"{"name":"x"}"#, [], auth, 405, "MethodNotAllowed"),
            ("POST", "/v2-beta/services", #"{"name":"x","scale":"three"}"#, [], auth, 422, "InvalidType"),
        ]
        for (method, path, body, query, headers, status, code) in cases {
            let response = Self.send(server, method, path, body, query: query, headers: headers)
            #expect(response.status == status, "\(method) \(path) \(body?.prefix(40) ?? "")")
            #expect(Self.string(response, "code") == code, "\(method) \(path)")
            #expect(response.json?["type"] == "error")
            #expect(response.json?["status"] == .number(status))
        }
        #expect(server.store.all == before)
        // Unknown fields are dropped, as Cattle drops them.
        let created = Self.send(server, "POST", "/v2-beta/stacks", #"{"name":"t","color":"red"}"#, headers: auth)
        #expect(created.status == 201)
        #expect(created.json?["color"] == nil)
    }

    @Test(arguments: sets)
    func stateSurvivesARestartAndATornLine(_ docs: Docs) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-mock-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let first = try Self.server(docs, state: file)
        let stack = try #require(Self.string(Self.send(first, "POST", "/v2-beta/stacks", #"{"name":"kept"}"#), "id"))
        _ = Self.send(first, "PUT", "/v2-beta/stacks/\(stack)", #"{"description":"changed"}"#)
        // A write cut short by a kill: half a line at the end.
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"resource":{"id":"1st99","ty"#.utf8))
        try handle.close()

        let second = try Self.server(docs, state: file)
        #expect(second.startupProblems.count == 1)
        let reloaded = Self.send(second, "GET", "/v2-beta/stacks/\(stack)")
        #expect(Self.string(reloaded, "description") == "changed")
        #expect(Self.string(reloaded, "state") == "active")
        let next = try #require(Self.string(Self.send(second, "POST", "/v2-beta/stacks", #"{"name":"new"}"#), "id"))
        #expect(next != stack, "IDs continue after the reloaded ones")
        // Compacted on start: one line per resource (the default project and the stack), then the new one.
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
    }
}
