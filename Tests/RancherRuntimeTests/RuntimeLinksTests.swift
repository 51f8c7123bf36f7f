// RancherRuntime tests: Links, include, API versions and schemas, over real HTTP on 127.0.0.1.

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

@Suite("Runtime links and discovery")
struct RuntimeLinksTests {
    private typealias Server = LoopbackServer

    /// A schema object as a Rancher 1.6 server (v2-beta) sends it, trimmed to a few fields of each kind.
    static let serviceSchemaJSON = #"""
        {"id":"service","type":"schema","links":{"self":"http://104.198.158.160:8080/v2-beta/schemas/service",
         "collection":"http://104.198.158.160:8080/v2-beta/services"},"actions":{},"pluralName":"services",
         "resourceFields":{"name":{"type":"string","validChars":"a-zA-Z0-9-","description":null,"create":true,
         "update":true,"nullable":true,"required":true,"readOnCreateOnly":false,"minLength":1,"maxLength":63},
         "scale":{"type":"int","description":null,"create":true,"update":true,"readOnCreateOnly":false,"default":1},
         "state":{"type":"enum","description":null,"create":false,"update":false,"readOnCreateOnly":false,
         "maxLength":128,"options":["activating","active","removed"]},
         "launchConfig":{"type":"launchConfig","description":null,"create":true,"update":false,"nullable":true,
         "readOnCreateOnly":false}},
         "collectionFilters":{"name":{"modifiers":["eq","ne","prefix","like","notlike","null","notnull"]}},
         "includeableLinks":["stack","instances"],
         "resourceActions":{"restart":{"input":"serviceRestart","output":"service"},"activate":{"input":null,"output":"service"}},
         "collectionActions":{},"collectionFields":{},"collectionMethods":["GET","POST"],
         "resourceMethods":["GET","PUT","DELETE"],"baseType":"schema"}
        """#

    private func service(links: [String: String]) throws -> Resource {
        try Fixture.decode(Resource.self, Fixture.resourceJSON(state: "active", links: links))
    }

    @Test("follow fetches a link, rebasing another origin onto the server, with include")
    func followLink() async throws {
        try await Server.with { server in
            let service = try service(links: ["stack": "http://10.0.0.9:8080/v2-beta/projects/1a5/stacks/1st1"])
            server.enqueueJSON(#"{"id":"1st1","type":"stack","name":"web","state":"active"}"#)
            let stack = try await Fixture.client(for: server).follow("stack", of: service, as: Resource.self, include: ["services"])
            #expect(stack.name == "web")
            let recorded = try #require(server.requests.first)
            #expect(recorded.path == "/v2-beta/projects/1a5/stacks/1st1")
            #expect(recorded.query == "include=services")
            #expect(recorded.headers["authorization"]?.hasPrefix("Basic ") == true)
        }
    }

    @Test("followCollection iterates every page of a linked collection with the list options")
    func followCollection() async throws {
        try await Server.with { server in
            let base = server.baseURL.absoluteString
            let service = try service(links: ["instances": base + "/v2-beta/projects/1a5/services/1s1/instances"])
            server.enqueueJSON("""
                {"type":"collection","data":[{"id":"1i1","type":"container"}],
                 "pagination":{"next":"\(base)/v2-beta/projects/1a5/services/1s1/instances?limit=1&include=hosts&marker=m2"}}
                """)
            server.enqueueJSON(#"{"type":"collection","data":[{"id":"1i2","type":"container"}],"pagination":{"next":null}}"#)
            let options = ListOptions(limit: 1, include: ["hosts"])
            var ids: [String] = []
            for try await instance in Fixture.client(for: server).followCollection("instances", of: service, as: Resource.self, options: options) {
                ids.append(instance.id?.rawValue ?? "?")
            }
            #expect(ids == ["1i1", "1i2"])
            #expect(server.requests.map(\.path) == Array(repeating: "/v2-beta/projects/1a5/services/1s1/instances", count: 2))
            #expect(server.requests.map { $0.query ?? "" } == ["limit=1&include=hosts", "limit=1&include=hosts&marker=m2"])
        }
    }

    @Test("A missing link is a typed error, before any request")
    func missingLink() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            let service = try service(links: [:])
            let single = await thrownError { _ = try await client.follow("stack", of: service, as: Resource.self) }
            let many = await thrownError { for try await _ in client.followCollection("instances", of: service, as: Resource.self) {} }
            for error in [single, many] {
                guard case let .missingLink(name, type)? = error as? RancherError else {
                    Issue.record("expected .missingLink, got \(String(describing: error))")
                    continue
                }
                #expect(["stack", "instances"].contains(name))
                #expect(type == "service")
            }
            #expect(server.requests.isEmpty)
        }
    }

    @Test("include becomes repeated include= query items, for lists and single GETs")
    func includeQuery() async throws {
        try await Server.with { server in
            server.enqueueJSON(#"{"data":[]}"#)
            server.enqueueJSON(Fixture.resourceJSON(state: "active"))
            let client = Fixture.client(for: server)
            let options = ListOptions(filters: ["name": "web"], include: ["instances", "stack"])
            _ = try await client.page(APIRequest(method: "GET", path: Fixture.collectionPath, query: options.queryItems), of: Resource.self)
            let single = APIRequest(method: "GET", path: Fixture.resourcePath, id: "1s1",
                                    query: ListOptions.includeQueryItems(["instances"]))
            _ = try await client.send(single, decoding: Resource.self)
            #expect(server.requests.map { $0.query ?? "" } == ["name=web&include=instances&include=stack", "include=instances"])
        }
    }

    @Test("apiVersions() reads the server root, apiVersion(_:) one version, behind a proxy prefix too")
    func apiVersions() async throws {
        try await Server.with { server in
            server.enqueueJSON("""
                {"type":"collection","resourceType":"apiVersion","links":{"self":"http://x/"},"data":[
                 {"id":"v1","type":"apiVersion","links":{"self":"http://x/v1"},"actions":{}},
                 {"id":"v2-beta","type":"apiVersion","links":{"self":"http://x/v2-beta","schemas":"http://x/v2-beta/schemas"},
                  "actions":{},"baseType":"apiVersion"}]}
                """)
            server.enqueueJSON(#"{"id":"v2-beta","type":"apiVersion","links":{"hosts":"http://x/v2-beta/hosts"},"actions":{}}"#)
            let client = Fixture.client(baseURL: try Fixture.url(server.baseURL, "/rancher"))
            let versions = try await client.apiVersions()
            #expect(versions.map(\.id) == ["v1", "v2-beta"])
            #expect(versions[1].links?["schemas"] == "http://x/v2-beta/schemas")
            #expect(versions[1].additionalFields == ["baseType": "apiVersion"])
            let version = try await client.apiVersion("v2-beta")
            #expect(version.links?["hosts"] != nil)
            #expect(server.requests.map(\.path) == ["/rancher/", "/rancher/v2-beta"])
        }
    }

    @Test("schemas() fetches every page of the version's schemas")
    func schemas() async throws {
        try await Server.with { server in
            let base = server.baseURL.absoluteString
            server.enqueueJSON("""
                {"type":"collection","resourceType":"schema","data":[\(Self.serviceSchemaJSON)],
                 "pagination":{"next":"\(base)/v2-beta/schemas?marker=m2"}}
                """)
            server.enqueueJSON(#"{"type":"collection","data":[{"id":"stack","type":"schema","pluralName":"stacks"}]}"#)
            server.enqueueJSON(#"{"type":"collection","data":[]}"#)
            let client = Fixture.client(baseURL: try Fixture.url(server.baseURL, "/v2-beta/projects/1a5"))
            let schemas = try await client.schemas()
            #expect(schemas.map(\.id) == ["service", "stack"])
            #expect(schemas.first?.resourceFields?["name"]?.maxLength == 63)
            _ = try await client.schemas(version: "v1")
            #expect(server.requests.map(\.path) == ["/v2-beta/schemas", "/v2-beta/schemas", "/v1/schemas"])
        }
    }

    @Test("A real server's schema decodes field by field and encodes back without losing a key")
    func schemaDecoding() throws {
        let schema = try Fixture.decode(Schema.self, Self.serviceSchemaJSON)
        #expect(schema.id == "service")
        #expect(schema.pluralName == "services")
        #expect(schema.baseType == "schema")
        #expect(schema.resourceMethods == ["GET", "PUT", "DELETE"])
        #expect(schema.collectionMethods == ["GET", "POST"])
        #expect(schema.includeableLinks == ["stack", "instances"])
        #expect(schema.links?["collection"] == "http://104.198.158.160:8080/v2-beta/services")
        let name = try #require(schema.resourceFields?["name"])
        #expect(name.type == "string")
        #expect(name.required == true && name.create == true && name.update == true && name.nullable == true)
        #expect(name.minLength == 1 && name.maxLength == 63)
        #expect(name.validChars == "a-zA-Z0-9-")
        #expect(name.description == nil)
        #expect(name.additionalFields == ["readOnCreateOnly": false, "description": nil])
        #expect(schema.resourceFields?["scale"]?.default == 1)
        #expect(schema.resourceFields?["state"]?.options == ["activating", "active", "removed"])
        #expect(schema.resourceActions?["restart"] == SchemaAction(input: "serviceRestart", output: "service"))
        #expect(schema.resourceActions?["activate"]?.input == nil)
        #expect(schema.collectionFilters?["name"]?.modifiers?.contains("notlike") == true)
        #expect(schema.additionalFields == ["collectionFields": [:]])

        let reencoded = try Fixture.decode(JSONValue.self, try Fixture.encode(schema))
        #expect(reencoded == (try Fixture.decode(JSONValue.self, Self.serviceSchemaJSON)))
    }
}
