import Foundation
import Testing
@testable import ApigenKit

/// The six real docs sets (`APIGEN_CORPUS`, or ../shared): read without errors, and the only warnings are the docs' real defects.
@Suite("Real corpus", .needsCorpus)
struct CorpusTests {
    @Test(arguments: TestPaths.corpusSets)
    func readsWithoutErrors(_ set: String) throws {
        let document = try DocsSetLoader.load(TestPaths.corpusSet(set))
        #expect(!document.diagnostics.contains { $0.severity == .error })
        #expect(document.types.count > 100)
        #expect(document.docsVersion == String(set.prefix(4)))
        // Defects every set shares: the common page's header/delimiter mismatch, `created[TS]`, `bool`, and
        // `removed` typed against the JSON examples, which show a date.
        let common = document.diagnostics.filter { $0.file == "common/index.md" }.map(\.message)
        #expect(common.count == 4)
        #expect(common.prefix(3) == [
            "table header has 3 cells but its delimiter row has 6; read with 3 columns",
            "field 'created[TS]' is the pair 'created' (date) and 'createdTS' (epoch milliseconds); read as both",
            "field 'removed': nonstandard type 'bool', read as 'boolean'",
        ])
        #expect(common.last?.hasPrefix("field 'removed': this page says 'boolean', the JSON examples say 'date' (api-resources/") == true)
        #expect(common.last?.hasSuffix("; read as 'date'") == true)
    }

    @Test func theOnlyOtherWarningsAreRealDefects() throws {
        let v10 = try DocsSetLoader.load(TestPaths.corpusSet("v1.0/en/api/v1")).diagnostics.filter { $0.file != "common/index.md" }
        // v1.0 action input tables run rows together (container.execute, container.logs, …).
        #expect(v10.count == 7)
        #expect(v10.allSatisfy { $0.message.contains("table rows run together on one line ending in <br>") })
        #expect(v10.contains { $0.file == "api-resources/container/index.md" && $0.message.hasPrefix("4 table rows") })

        // v1.6/v1 links to a hostTemplate page that does not exist.
        let v16 = try DocsSetLoader.load(TestPaths.corpusSet("v1.6/en/api/v1")).diagnostics.filter { $0.file != "common/index.md" }
        #expect(v16.map(\.message) == ["link to missing page 'hostTemplate'", "link to missing page 'hostTemplate'"])

        for set in ["v1.2/en/api/v2-beta", "v1.4/en/api/v1", "v1.4/en/api/v2-beta", "v1.6/en/api/v2-beta"] {
            let others = try DocsSetLoader.load(TestPaths.corpusSet(set)).diagnostics.filter { $0.file != "common/index.md" }
            #expect(others.isEmpty, "\(set): \(others)")
        }
    }

    @Test func runTogetherRowsAreReadAsFields() throws {
        let document = try DocsSetLoader.load(TestPaths.corpusSet("v1.0/en/api/v1"))
        let execute = try #require(document.type(named: "container")?.actions.first { $0.name == "execute" })
        #expect(execute.input == "containerExec")
        #expect(execute.output == "hostAccess")
        #expect(execute.inputFields.map(\.name) == ["attachStdin", "attachStdout", "command", "tty"])
        #expect(execute.inputFields.map(\.type.grammar) == ["boolean", "boolean", "array[string]", "boolean"])
        #expect(execute.inputFields.map(\.default) == ["true", "true", nil, "true"])
    }

    @Test func pluralNamesComeFromURLsAndCamelCaseActionsSurvive() throws {
        let v10 = try DocsSetLoader.load(TestPaths.corpusSet("v1.0/en/api/v1"))
        #expect(v10.type(named: "registry")?.operations.map(\.path) == ["/v1/registries", "/v1/registries/${ID}", "/v1/registries/${ID}"])
        let v16 = try DocsSetLoader.load(TestPaths.corpusSet("v1.6/en/api/v2-beta"))
        #expect(v16.types.flatMap(\.actions).contains { $0.name == "defaultNetworkId" })
    }

    /// `apigen dump` encodes a document's types on all cores and splices them in: byte for byte what one encoder
    /// over the whole document writes, for every set and for a document without types.
    @Test(arguments: TestPaths.corpusSets)
    func dumpSplicedFromItsTypesIsTheWholeEncoding(_ set: String) throws {
        let document = try DocsSetLoader.load(TestPaths.corpusSet(set))
        let empty = APIDocument(docsVersion: "v1.6", apiVersion: nil, types: [], diagnostics: document.diagnostics)
        for document in [document, empty] {
            let spliced = try #require(try CanonicalJSON.splicingTypes(of: document))
            #expect(CanonicalJSON.indent(spliced) + "\n" == (try CanonicalJSON.encodeWhole(document)))
            #expect(try CanonicalJSON.encode(document) == CanonicalJSON.encodeWhole(document))
        }
    }

    @Test func dumpIsDeterministic() throws {
        let set = TestPaths.corpusSet("v1.4/en/api/v2-beta")
        #expect(try CanonicalJSON.encode(DocsSetLoader.load(set)) == CanonicalJSON.encode(DocsSetLoader.load(set)))
    }
}
