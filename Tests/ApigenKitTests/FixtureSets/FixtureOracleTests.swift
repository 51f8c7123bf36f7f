import Foundation
import Testing
@testable import ApigenKit

/// The oracle tests' paths on the fixture sets: `Fixtures/oracle` holds, for two of them, the `/schemas` a
/// server would send (Cattle's format, written for these pages), with what the docs never state (`nullable`,
/// `maxLength`, falsy defaults, descriptions, hidden common fields, internal actions, includeable links) as the
/// real captures in ../shared/oracle have it.
@Suite("Fixture docs sets against their /schemas")
struct FixtureOracleTests {
    static func document(_ set: String) throws -> APIDocument { try DocsSetLoader.load(TestPaths.fixtureDocsSet(set)) }

    static func schemas(_ file: String) throws -> [String: OracleConformanceTests.Schema] {
        try OracleConformanceTests.schemas(at: TestPaths.fixtureOracleFile(file))
    }

    @Test(arguments: TestPaths.fixtureOraclePairs)
    func parsedIRAgreesWithTheSchema(_ set: String, _ oracle: String) throws {
        let tally = OracleConformanceTests.conformance(of: try Self.document(set), to: try Self.schemas(oracle))
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches.prefix(20))")
        // Every kind of fact is checked, and most of them more than once.
        for kind in ["type", "create", "update", "required", "default", "options", "operations", "action input", "action output"] {
            #expect(tally.checked[kind, default: 0] > 1, "\(set): \(kind)")
        }
        #expect(tally.total > 300)
    }

    @Test(arguments: TestPaths.fixtureOraclePairs)
    func commonFieldsAgreeWithTheSchema(_ set: String, _ oracle: String) throws {
        let document = try Self.document(set)
        let (names, unexplained) = try OracleConformanceTests.commonFieldCheck(of: document, with: try Self.schemas(oracle))
        #expect(unexplained.isEmpty, "\(set): \(unexplained)")
        #expect(names.count == 19, "the common page's fields and the standard ones")
        let common = try #require(document.types.first { $0.origin == .common })
        #expect(common.fields.first { $0.name == "removed" }?.type == .scalar(.date))
        #expect(common.fields.contains { $0.name == "createdTS" && $0.type == .scalar(.int) })
    }

    @Test(arguments: TestPaths.fixtureOraclePairs)
    func exportAgreesWithTheServer(_ set: String, _ oracleFile: String) throws {
        let data = try Data(contentsOf: TestPaths.fixtureOracleFile(oracleFile))
        let (agreement, ours, oracle) = try SchemaOracleTests.agreement(of: try Self.document(set), with: data)
        #expect(agreement.disagreements.isEmpty, "\(agreement.disagreements.prefix(25))")
        #expect(agreement.total > 500)
        #expect(ours >= oracle * 9 / 10, "most of the server's schemas are documented")
        // What the docs never state was met, and left out.
        for kind in ["nullable", "maxLength", "falsy defaults", "descriptions", "internal process actions",
                     "common fields (stated once, on the common page)", "includeable links"] {
            #expect(agreement.unstated[kind, default: 0] > 0, "\(set): \(kind)")
        }
        if set.hasSuffix("v2-beta") {
            #expect(agreement.explained.count == 1, "project.defaultNetworkId's filter modifiers")
        }
    }

    /// The comparisons can fail: a schema that says otherwise than the pages is caught by both.
    @Test func aServerThatDisagreesIsCaught() throws {
        let (set, file) = TestPaths.fixtureOraclePairs[1]
        let text = try String(contentsOf: TestPaths.fixtureOracleFile(file), encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: #""intervalMillis": {"type": "int", "description": null, "create": true, "update": false, "default": 2000"#,
            with: #""intervalMillis": {"type": "int", "description": null, "create": true, "update": false, "default": 3000"#)
        #expect(changed != text)
        let (agreement, _, _) = try SchemaOracleTests.agreement(of: try Self.document(set), with: Data(changed.utf8))
        #expect(agreement.disagreements == [
            "inServiceUpgradeStrategy.intervalMillis default: exported 2000, oracle 3000",
        ])
        let folder = try TemporaryDocs(["schemas.json": changed])
        defer { folder.remove() }
        let schemas = try OracleConformanceTests.schemas(at: folder.url.appendingPathComponent("schemas.json"))
        let tally = OracleConformanceTests.conformance(of: try Self.document(set), to: schemas)
        #expect(tally.mismatches == ["inServiceUpgradeStrategy.intervalMillis default: parsed Optional(\"2000\"), schema Optional(\"3000\")"])
    }
}
