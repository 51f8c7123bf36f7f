import ApigenKit
import Foundation

/// One HTTP request, as the transport hands it over: the path still percent-encoded, query items decoded.
public struct MockRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [(name: String, value: String)]
    /// Header names lowercased.
    public var headers: [String: String]
    public var body: [UInt8]
    /// The transport stopped reading a body over `MockOptions.maximumBodyBytes`; `body` is then empty.
    public var bodyExceedsLimit = false
    /// `http://host:port`, from the request's Host header: every URL in a response starts with it.
    public var origin: String

    public init(method: String, path: String, query: [(name: String, value: String)] = [], headers: [String: String] = [:],
                body: [UInt8] = [], origin: String = "http://localhost:8080") {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.origin = origin
    }

    func queryValues(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }
}

public struct MockResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    /// The body as JSON, for tests.
    public var json: OrderedJSON? { try? OrderedJSON.parse(String(decoding: body, as: UTF8.self)) }
}

public struct MockOptions: Sendable {
    public var accessKey: String?
    public var secretKey: String?
    /// Seconds a transition (`activating`, `removing`, …) takes before the resource settles.
    public var transitionDelay: Double
    public var stateFile: URL?

    /// The largest request body accepted; larger ones get 413 and change nothing.
    public static let maximumBodyBytes = 1 << 20

    public init(accessKey: String? = nil, secretKey: String? = nil, transitionDelay: Double = 0.5, stateFile: URL? = nil) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.transitionDelay = transitionDelay
        self.stateFile = stateFile
    }
}

/// A Rancher-compatible API in memory, made from a docs set: the API root and version, `/schemas`,
/// collections with Cattle's filters, sorting and pagination, resources that move through their states,
/// actions, links, Cattle's validation and error bodies. Thread-safe: one lock around the state, taken once
/// per request; a write is in the journal before it is answered.
public final class MockServer: @unchecked Sendable {
    public let catalog: MockCatalog
    public let options: MockOptions
    /// What was wrong with the state file on start (each skipped line).
    public let startupProblems: [String]

    let lock = NSLock()
    var store = ResourceStore()
    let journal: StateJournal?
    var schemaCache: [String: [UInt8]] = [:]
    let defaultProjectID = "1a5"

    public init(document: APIDocument, options: MockOptions = MockOptions()) throws {
        catalog = MockCatalog(document: document)
        self.options = options
        journal = options.stateFile.map(StateJournal.init(url:))
        var problems: [String] = []
        if let journal {
            let loaded = try journal.load()
            problems = loaded.problems
            // Lists rely on each type's resources being in ID order, whatever order a seed file has.
            for resource in loaded.resources.sorted(by: { $0.number < $1.number }) { store.insert(resource) }
        }
        startupProblems = problems
        if let project = catalog.resourceType(named: "project"), store.resource(id: defaultProjectID) == nil {
            // Created as any project is, its transition already over.
            let now = Timestamp.now()
            var resource = StoredResource(
                id: defaultProjectID, type: project.name, number: 5,
                fields: newResourceFields(project, id: defaultProjectID, accepted: [.init(key: "name", value: "Default")],
                                          scope: nil, now: now))
            resource.begin(Lifecycle.creation(of: project), now: now, delay: 0)
            resource.settle(now: now)
            store.insert(resource)
        }
        try journal?.compact(store.all)
    }

    public func handle(_ request: MockRequest) -> MockResponse {
        var context = RequestContext(request: request, base: request.origin + "/" + catalog.apiVersion)
        context.prefix = context.base
        lock.lock()
        defer { lock.unlock() }
        let result: Result<(Int, OrderedJSON), MockError>
        do {
            result = .success(try route(&context))
        } catch {
            result = .failure(error)
        }
        var headers = [(name: "Content-Type", value: "application/json"), (name: "X-API-Schemas", value: context.prefix + "/schemas")]
        switch result {
        case .success(let (status, body)):
            if let cached = context.rawBody { return MockResponse(status: status, headers: headers, body: cached) }
            return MockResponse(status: status, headers: headers, body: body.serializedBytes())
        case .failure(let error):
            // As Cattle answers a bad key (browsers prompt); clients must not wait on the challenge.
            if error.status == 401 { headers.append((name: "WWW-Authenticate", value: "Basic realm=\"Rancher API\"")) }
            return MockResponse(status: error.status, headers: headers, body: error.body.serializedBytes())
        }
    }

    struct RequestContext {
        var request: MockRequest
        /// `http://host/v2-beta`.
        var base: String
        /// The base, with `/projects/<id>` when the path names a project: links keep the scope.
        var prefix = ""
        var project: String?
        /// A ready body (the cached `/schemas`).
        var rawBody: [UInt8]?
    }

    private func route(_ context: inout RequestContext) throws(MockError) -> (Int, OrderedJSON) {
        try authenticate(context.request)
        if context.request.bodyExceedsLimit || context.request.body.count > MockOptions.maximumBodyBytes {
            throw MockError(413, "RequestEntityTooLarge", "the body is over \(MockOptions.maximumBodyBytes) bytes")
        }
        var segments = try Self.segments(of: context.request.path)
        let method = context.request.method
        guard let version = segments.first else {
            guard method == "GET" else { throw MockError.methodNotAllowed(method) }
            return (200, rootCollection(context))
        }
        guard version == catalog.apiVersion else { throw MockError.notFound("no API version \(version)") }
        segments.removeFirst()
        context.project = context.request.headers["x-api-project-id"]
        if segments.count >= 3, segments[0] == "projects",
           segments[2] == "schemas" || catalog.resourceType(collection: segments[2]) != nil {
            context.project = segments[1]
            context.prefix = context.base + "/projects/" + segments[1]
            segments.removeFirst(2)
        }
        switch segments.count {
        case 0:
            guard method == "GET" else { throw MockError.methodNotAllowed(method) }
            return (200, apiVersionResource(context))
        case 1 where segments[0] == "schemas":
            guard method == "GET" else { throw MockError.methodNotAllowed(method) }
            context.rawBody = schemasBody(prefix: context.prefix)
            return (200, .null)
        case 2 where segments[0] == "schemas":
            guard method == "GET" else { throw MockError.methodNotAllowed(method) }
            guard let type = catalog.schemas.schemaTypes.first(where: { $0.name.lowercased() == segments[1].lowercased() }) else {
                throw MockError.notFound("no schema \(segments[1])")
            }
            return (200, catalog.schemas.schema(for: type, baseURL: context.prefix))
        default:
            break
        }
        guard let type = catalog.resourceType(collection: segments[0]) else { throw MockError.notFound("no collection \(segments[0])") }
        switch (segments.count, method) {
        case (1, "GET"): return (200, try list(type, context: context))
        case (1, "POST"): return try create(type, context: context)
        case (2, "GET"): return (200, try read(type, id: segments[1], context: context))
        case (2, "PUT"): return try update(type, id: segments[1], context: context)
        case (2, "DELETE"): return try delete(type, id: segments[1], context: context)
        case (2, "POST"):
            guard let action = context.request.queryValues("action").first else { throw MockError.methodNotAllowed(method) }
            return try perform(action, on: type, id: segments[1], context: context)
        case (3, "GET"): return (200, try follow(segments[2], of: type, id: segments[1], context: context))
        case (1...3, _): throw MockError.methodNotAllowed(method)
        default: throw MockError.notFound()
        }
    }

    /// The path's segments, decoded; a segment that decodes to `.`, `..` or something holding `/` is no
    /// name the API has (no path tricks reach a collection by another route).
    static func segments(of path: String) throws(MockError) -> [String] {
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding, segment != ".", segment != "..",
                  !segment.contains("/"), !segment.contains("\\"), !segment.contains("\0")
            else { throw MockError.notFound("no such path") }
            segments.append(segment)
        }
        return segments
    }

    private func authenticate(_ request: MockRequest) throws(MockError) {
        guard let accessKey = options.accessKey, let secretKey = options.secretKey else { return }
        let expected = "Basic " + Data("\(accessKey):\(secretKey)".utf8).base64EncodedString()
        guard request.headers["authorization"] == expected else {
            throw MockError(401, "Unauthorized", "a valid API key is required")
        }
    }

    private func schemasBody(prefix: String) -> [UInt8] {
        if let cached = schemaCache[prefix] { return cached }
        let body = catalog.schemas.collection(baseURL: prefix).serializedBytes()
        schemaCache[prefix] = body
        return body
    }

    private func rootCollection(_ context: RequestContext) -> OrderedJSON {
        .object([
            "type": "collection",
            "resourceType": "apiVersion",
            "links": .object(["self": .string(context.request.origin + "/")]),
            "createTypes": .object([]),
            "actions": .object([]),
            "data": [apiVersionResource(context)],
            "sortLinks": .object([]),
            "pagination": .null,
            "sort": .null,
            "filters": .object([]),
            "createDefaults": .object([]),
        ])
    }

    private func apiVersionResource(_ context: RequestContext) -> OrderedJSON {
        var links: [OrderedJSON.Member] = [
            .init(key: "self", value: .string(context.prefix)),
            .init(key: "schemas", value: .string(context.prefix + "/schemas")),
        ]
        for type in catalog.resourceTypes {
            links.append(.init(key: type.collection, value: .string(context.prefix + "/" + type.collection)))
        }
        return .object([
            "id": .string(catalog.apiVersion),
            "type": "apiVersion",
            "links": .object(links),
            "actions": .object([]),
        ])
    }
}
