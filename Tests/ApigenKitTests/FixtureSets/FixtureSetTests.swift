import Foundation
import Testing
@testable import ApigenKit

/// The fixture docs sets (`Fixtures/docs-sets`), the fresh clone's twin of "Real corpus": pages written for the
/// tests in the docs' format, each quirk the corpus tests guard planted in them on purpose.
///
/// - `v1.0/en/api/v1`: v1.0's unscoped URLs (`/v1/registries`), action input rows run together on one line
///   ending in `<br>` (container `execute` and `logs`, service `restart`), title-cased resource pages for what
///   later became types (`## Amazonec2Config`).
/// - `v1.6/en/api/v1`: the same API later: project-scoped URLs, pages without Operations, links to two pages
///   that do not exist (`hostTemplate`; `engineOptions`, known only from a JSON example), `[docker-machine]`.
/// - `v1.6/en/api/v2-beta`: the mock server's set: service and stack with actions and no Operations, a camelCase
///   action without an output line (`defaultNetworkId`), `A <a>…</a> resource` and `An updated copy of …` output
///   lines, `map[[volume]]` (references) beside `map[[blkioDeviceOption]]` (embedded), a `[password]` link,
///   a resource page with writeable fields and neither Operations nor Actions (`network`).
///
/// Every set has the common page's defects: a 3-cell header over a 6-cell delimiter row, `created[TS]`, `bool`,
/// and `removed` typed against the JSON examples, which show a date. Resource pages in v1.6 carry a commented-out
/// `redirect_from` in their front matter.
@Suite("Fixture docs sets")
struct FixtureSetTests {
    static func load(_ set: String) throws -> APIDocument { try DocsSetLoader.load(TestPaths.fixtureDocsSet(set)) }

    static let commonDefects = [
        "common/index.md:16: table header has 3 cells but its delimiter row has 6; read with 3 columns",
        "common/index.md:18: field 'created[TS]' is the pair 'created' (date) and 'createdTS' (epoch milliseconds); read as both",
        "common/index.md:22: field 'removed': nonstandard type 'bool', read as 'boolean'",
    ]

    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.file):\($0.line): \($0.message)" }
    }

    @Test(arguments: TestPaths.fixtureSets)
    func readsWithoutErrors(_ set: String) throws {
        let document = try Self.load(set)
        #expect(!document.diagnostics.contains { $0.severity == .error })
        #expect(document.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(document.docsVersion == String(set.prefix(4)))
        #expect(document.apiVersion == set.split(separator: "/").last.map(String.init))
        // The same four defects as every corpus set, at their lines.
        let common = Self.lines(document.diagnostics.filter { $0.file == "common/index.md" })
        #expect(common.count == 4)
        #expect(common.prefix(3) == Self.commonDefects[...])
        #expect(common.last?.hasPrefix("common/index.md:22: field 'removed': this page says 'boolean', the JSON examples say 'date' (api-resources/service/index.md:") == true)
        #expect(common.last?.hasSuffix("; read as 'date'") == true)
        // One type per api-resources page and the common page; the index pages (the set's, api-keys', and
        // api-resources' list) are no API pages.
        let folder = try TestPaths.fixtureDocsSet(set).appendingPathComponent("api-resources")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "index.md" }
        #expect(Set(document.types.filter { $0.origin != .example }.map(\.name)) == Set(pages + ["common"]))
    }

    @Test func theOnlyOtherWarningsAreThePlantedDefects() throws {
        func others(_ set: String) throws -> [String] {
            Self.lines(try Self.load(set).diagnostics.filter { $0.file != "common/index.md" })
        }
        #expect(try others("v1.0/en/api/v1") == [
            "api-resources/container/index.md:88: 4 table rows run together on one line ending in <br>; read as separate rows",
            "api-resources/container/index.md:122: 2 table rows run together on one line ending in <br>; read as separate rows",
            "api-resources/service/index.md:126: 2 table rows run together on one line ending in <br>; read as separate rows",
        ])
        #expect(try others("v1.6/en/api/v1") == [
            "api-resources/host/index.md:22: link to missing page 'engineOptions'",
            "api-resources/host/index.md:31: link to missing page 'hostTemplate'",
        ])
        #expect(try others("v1.6/en/api/v2-beta").isEmpty)
        // Where the examples' date was seen: the service's Create body (v1), its upgrade's (v2-beta).
        let removed = try Self.load("v1.6/en/api/v2-beta").diagnostics.last { $0.file == "common/index.md" }
        #expect(removed?.message.contains("(api-resources/service/index.md:217 and 1 more)") == true)
    }

    @Test func runTogetherRowsAreReadAsFields() throws {
        let v10 = try Self.load("v1.0/en/api/v1")
        let container = try #require(v10.type(named: "container"))
        let execute = try #require(container.actions.first { $0.name == "execute" })
        #expect(execute.input == "containerExec")
        #expect(execute.output == "hostAccess")
        #expect(execute.inputFields.map(\.name) == ["attachStdin", "attachStdout", "command", "tty"])
        // Scalars' Type cells are empty in input tables: the input type's page gives them.
        #expect(execute.inputFields.map(\.type.grammar) == ["boolean", "boolean", "array[string]", "boolean"])
        #expect(execute.inputFields.map(\.default) == ["true", "true", nil, "true"])
        #expect(execute.inputFields.map(\.required) == [false, false, true, false])
        let logs = try #require(container.actions.first { $0.name == "logs" })
        #expect(logs.inputFields.map(\.name) == ["follow", "lines"])
        #expect(logs.inputFields.map(\.type.grammar) == ["boolean", "int"])
        #expect(logs.inputFields.map(\.default) == ["true", "100"])
        let restart = try #require(v10.type(named: "service")?.actions.first { $0.name == "restart" })
        #expect(restart.inputFields.map(\.name) == ["batchSize", "intervalMillis"])
        #expect(restart.inputFields.map(\.default) == ["1", "2000"])
        // v1.6 writes the same table a row per line: the same fields.
        let v16 = try Self.load("v1.6/en/api/v1")
        #expect(v16.type(named: "container")?.actions.first { $0.name == "execute" }?.inputFields == execute.inputFields)
    }

    @Test func pluralNamesComeFromURLsAndCamelCaseActionsSurvive() throws {
        let v10 = try Self.load("v1.0/en/api/v1")
        let registry = try #require(v10.type(named: "registry"))
        #expect(registry.operations.map(\.path) == ["/v1/registries", "/v1/registries/${ID}", "/v1/registries/${ID}"])
        #expect(registry.pluralName == "registries")
        #expect(v10.type(named: "amazonec2Config")?.pluralName == "amazonec2Configs")
        let v2 = try Self.load("v1.6/en/api/v2-beta")
        // No operations on the page: the actions' URLs name the collection.
        #expect(v2.type(named: "registry")?.collectionPath == "/v2-beta/projects/${PROJECT_ID}/registries")
        #expect(v2.type(named: "registryCredential")?.pluralName == "registryCredentials")
        let project = try #require(v2.type(named: "project"))
        let camel = try #require(project.actions.first { $0.name == "defaultNetworkId" })
        #expect(camel.input == nil)
        #expect(camel.output == nil, "the action has no output line")
        #expect(v2.types.flatMap(\.actions).contains { $0.name == "defaultNetworkId" })
    }

    @Test func actionLinesAreReadByTheirHrefs() throws {
        let v2 = try Self.load("v1.6/en/api/v2-beta")
        let stack = try #require(v2.type(named: "stack"))
        // `<a href=".../stackUpgrade/">StackUpgrade</a>`: the label is title-cased, the href is the type.
        #expect(stack.actions.first { $0.name == "upgrade" }?.input == "stackUpgrade")
        // `A <a>composeConfig</a> resource` and `An updated copy of the <a>stack</a> resource`.
        #expect(stack.actions.first { $0.name == "exportconfig" }?.output == "composeConfig")
        #expect(stack.actions.first { $0.name == "rollback" }?.output == "stack")
        // `An updated copy of the <a>account</a> resource` on the project's page.
        #expect(v2.type(named: "project")?.actions.first { $0.name == "activate" }?.output == "account")
        let upgrade = try #require(stack.actions.first { $0.name == "upgrade" })
        #expect(upgrade.inputFields.map(\.type.grammar) == ["map[json]", "string", "map[string]", "string", "string"])
        #expect(try Self.load("v1.6/en/api/v1").type(named: "container")?.actions.first { $0.name == "logs" }?.output == "hostAccess")
    }

    @Test func typeCellsAreDecidedFromTheExamplesThenTheNames() throws {
        let v2 = try Self.load("v1.6/en/api/v2-beta")
        func type(_ owner: String, _ field: String) -> String? {
            v2.type(named: owner)?.fields.first { $0.name == field }?.type.grammar
        }
        #expect(type("launchConfig", "dataVolumeMounts") == "map[reference[volume]]")
        #expect(type("launchConfig", "blkioDeviceOptions") == "map[blkioDeviceOption]")
        #expect(type("registryCredential", "secretValue") == "password")
        #expect(type("registryCredential", "registryId") == "reference[registry]")
        #expect(type("project", "members") == "array[projectMember]")
        #expect(type("project", "servicesPortRange") == "servicesPortRange")
        #expect(type("project", "defaultNetworkId") == "reference[network]")
        #expect(type("service", "linkedServices") == "map[reference[service]]", "no example: the target has a collection")
        #expect(type("service", "upgrade") == "serviceUpgrade", "no example: the target has none")
        #expect(type("stack", "serviceIds") == "array[reference[service]]")
        #expect(type("common", "accountId") == "reference[account]")
        // Enum options come from the Notes.
        let capAdd = v2.type(named: "launchConfig")?.fields.first { $0.name == "capAdd" }
        #expect(capAdd?.options == ["CHOWN", "NET_ADMIN", "SYS_TIME"])
        #expect(v2.type(named: "launchConfig")?.fields.first { $0.name == "networkMode" }?.default == "managed")
        // Type pages (raw heading, title `API`) and resource pages, with and without a collection.
        #expect(v2.type(named: "launchConfig")?.kind == .type)
        #expect(v2.type(named: "network")?.kind == .resource)
        #expect(v2.type(named: "network")?.collectionName == nil)

        let v16 = try Self.load("v1.6/en/api/v1")
        let securityGroup = v16.type(named: "amazonec2Config")?.fields.first { $0.name == "securityGroup" }
        #expect(securityGroup?.type.grammar == "array[string]")
        #expect(securityGroup?.default == "[docker-machine]")
        #expect(v16.type(named: "host")?.fields.first { $0.name == "hostTemplateId" }?.type == .reference("hostTemplate"))
        // Known only from the host's Create example, nested types and all.
        let engine = try #require(v16.type(named: "engineOptions"))
        #expect(engine.origin == .example)
        #expect(engine.fields.map(\.name) == ["insecureRegistry", "logOpts", "storageDriver"])
        #expect(engine.fields.map(\.type.grammar) == ["array[string]", "logOpts", "string"])
        #expect(engine.fields.last?.default == "overlay")
        #expect(v16.type(named: "logOpts")?.fields.map(\.type.grammar) == ["int", "string"])
    }

    /// `apigen dump` encodes a document's types on all cores and splices them in: byte for byte what one encoder
    /// over the whole document writes, for every set and for a document without types.
    @Test(arguments: TestPaths.fixtureSets)
    func dumpSplicedFromItsTypesIsTheWholeEncoding(_ set: String) throws {
        let document = try Self.load(set)
        let empty = APIDocument(docsVersion: "v1.6", apiVersion: nil, types: [], diagnostics: document.diagnostics)
        for document in [document, empty] {
            let spliced = try #require(try CanonicalJSON.splicingTypes(of: document))
            #expect(CanonicalJSON.indent(spliced) + "\n" == (try CanonicalJSON.encodeWhole(document)))
            #expect(try CanonicalJSON.encode(document) == CanonicalJSON.encodeWhole(document))
        }
    }

    @Test(arguments: TestPaths.fixtureSets)
    func dumpIsDeterministic(_ set: String) throws {
        #expect(try CanonicalJSON.encode(Self.load(set)) == CanonicalJSON.encode(Self.load(set)))
        let decoded = try CanonicalJSON.decode(APIDocument.self, from: Data(CanonicalJSON.encode(Self.load(set)).utf8))
        #expect(decoded == (try Self.load(set)))
    }
}
