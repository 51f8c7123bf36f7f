import Foundation
import Testing
@testable import ApigenKit

/// `apigen schemas` against the two real servers' `/schemas` (`APIGEN_ORACLE`, else ../shared/oracle), schema by schema and field
/// by field: every fact the export states must be the server's (100%). Facts the docs never state are not
/// exported, and are counted here by kind so that a reader sees what is left out and how much of it.
@Suite("/schemas against the oracles", .needsOracle)
struct SchemaOracleTests {
    /// What the docs never state, so the export leaves out: field facts (`nullable`, `maxLength`, `minLength`,
    /// `min`, `max`, `validChars`, `unique`, `transform`, `readOnCreateOnly`, falsy defaults, which the pages
    /// print as `-`, options the Notes do not list, descriptions), Cattle's internal process actions (`create`,
    /// `update`, `error`, …, not on the pages), methods of types without a collection, which links a resource
    /// has, and which fields are filterable (Cattle filters by database column; the export offers every scalar
    /// field, with the modifiers of its type, and counts those with no column on the server).
    static let unstatedFieldFacts: Set<String> = [
        "nullable", "maxLength", "minLength", "min", "max", "validChars", "unique", "transform", "readOnCreateOnly",
    ]

    /// The common page's fields (every resource's), which the export does not repeat per schema.
    static let commonFields: Set<String> = [
        "id", "name", "description", "state", "transitioning", "transitioningMessage", "transitioningProgress",
        "created", "removed", "removeTime", "uuid", "kind", "accountId",
    ]

    /// Exported schemas the oracle does not have, each with its reason.
    static let typesNotInOracle: [String: String] = [:]

    /// Where the docs and the server disagree and the export follows the docs, with why.
    static let knownDisagreements = [
        "project.defaultNetworkId filter modifiers":
            "the page types it reference[network], so it filters as a reference; Cattle stores it as a number column",
    ]

    struct Agreement {
        var explained: [String] = []
        var compared: [String: Int] = [:]
        var disagreements: [String] = []
        var unstated: [String: Int] = [:]

        mutating func compare(_ kind: String, _ ours: Any?, _ oracle: Any?, at place: @autoclosure () -> String) {
            compared[kind, default: 0] += 1
            if !Self.same(ours, oracle) {
                disagreements.append("\(place()) \(kind): exported \(ours.map { "\($0)" } ?? "nothing"), oracle \(oracle.map { "\($0)" } ?? "nothing")")
            }
        }

        static func same(_ left: Any?, _ right: Any?) -> Bool {
            switch (left, right) {
            case (nil, nil): true
            case (nil, is NSNull), (is NSNull, nil): true
            case (let left?, let right?): (left as? NSObject)?.isEqual(right) ?? false
            default: false
            }
        }

        var total: Int { compared.values.reduce(0, +) }

        var summary: String {
            let figures = compared.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let left = unstated.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return "\(total) facts compared (\(figures)); \(disagreements.count) disagree; \(explained.count) explained: "
                + "\(explained); left out, as the docs never state them: \(left)"
        }
    }

    static func objects(_ data: Data) throws -> [String: [String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let schemas = try #require(root["data"] as? [[String: Any]])
        return Dictionary(schemas.map { ($0["id"] as! String, $0) }) { first, _ in first }
    }

    @Test(arguments: OracleConformanceTests.pairs)
    func exportAgreesWithTheServer(_ set: String, _ oracleFile: String) throws {
        let document = try DocsSetLoader.load(TestPaths.corpusSet(set))
        let (agreement, ours, oracle) = try Self.agreement(of: document, with: Data(contentsOf: TestPaths.oracleFile(oracleFile)))
        print("schemas \(set): \(agreement.summary)")
        #expect(agreement.disagreements.isEmpty, "\(agreement.disagreements.prefix(25))")
        #expect(agreement.total > 5000)
        #expect(ours >= oracle * 9 / 10, "most of the server's schemas are documented")
    }

    /// `apigen schemas` of `document`, schema by schema against a server's `/schemas` (`oracleData`), served at
    /// the same base URL; with how many schemas each side has.
    static func agreement(of document: APIDocument, with oracleData: Data) throws -> (Agreement, ours: Int, oracle: Int) {
        let oracle = try Self.objects(oracleData)
        let oracleRoot = try JSONSerialization.jsonObject(with: oracleData) as! [String: Any]
        let selfLink = try #require((oracleRoot["links"] as? [String: String])?["self"])
        let baseURL = String(selfLink.dropLast("/schemas".count))

        let exported = SchemaExporter(document: document).collection(baseURL: baseURL)
        let ours = try Self.objects(Data(exported.serialized().utf8))

        var agreement = Agreement()
        for (id, schema) in ours.sorted(by: { $0.key < $1.key }) {
            guard let server = oracle[id] else {
                if Self.typesNotInOracle[id] == nil { agreement.disagreements.append("\(id): no such schema on the server") }
                continue
            }
            Self.compareSchema(id, schema, server, into: &agreement)
        }
        return (agreement, ours.count, oracle.count)
    }

    static func compareSchema(_ id: String, _ schema: [String: Any], _ server: [String: Any], into agreement: inout Agreement) {
        let links = schema["links"] as! [String: String]
        let serverLinks = server["links"] as! [String: String]
        agreement.compare("links.self", links["self"], serverLinks["self"], at: id)
        if let collection = links["collection"] {
            agreement.compare("links.collection", collection, serverLinks["collection"], at: id)
            for key in ["collectionMethods", "resourceMethods"] {
                agreement.compare(key, schema[key], server[key], at: id)
            }
        } else {
            agreement.unstated["methods of types without a collection", default: 0] += 1
        }
        agreement.compare("pluralName", schema["pluralName"], server["pluralName"], at: id)
        agreement.compare("type", schema["type"], server["type"], at: id)

        let fields = schema["resourceFields"] as! [String: [String: Any]]
        let serverFields = server["resourceFields"] as? [String: [String: Any]] ?? [:]
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            let place = "\(id).\(name)"
            guard let serverField = serverFields[name] else {
                agreement.disagreements.append("\(place): no such field on the server")
                continue
            }
            let writable = field["create"] as? Bool == true || field["update"] as? Bool == true
            for (key, value) in field where key != "description" {
                if let reason = Self.knownDisagreements["\(place) \(key)"] {
                    agreement.explained.append("\(place) \(key): \(reason)")
                    continue
                }
                agreement.compare(key, value, serverField[key], at: place)
            }
            agreement.compare("description", field["description"], NSNull(), at: place)
            if serverField["description"] is String { agreement.unstated["descriptions", default: 0] += 1 }
            // Absent where the page leaves it blank: `required: false`, falsy defaults (printed `-`), options
            // the Notes do not list.
            // Only writeable rows have Required and Default columns.
            if field["required"] == nil, writable { agreement.compare("required", false, serverField["required"] ?? false, at: place) }
            if field["required"] == nil, !writable, serverField["required"] != nil { agreement.unstated["required of read-only fields", default: 0] += 1 }
            if field["default"] == nil, let value = serverField["default"] {
                if !writable { agreement.unstated["defaults of read-only fields", default: 0] += 1 } else if Self.isFalsy(value) { agreement.unstated["falsy defaults", default: 0] += 1 } else {
                    agreement.disagreements.append("\(place) default: exported nothing, oracle \(value)")
                }
            }
            if field["options"] == nil, serverField["options"] != nil { agreement.unstated["options no Notes list", default: 0] += 1 }
            for key in serverField.keys where Self.unstatedFieldFacts.contains(key) {
                agreement.unstated[key, default: 0] += 1
            }
        }
        for name in serverFields.keys where fields[name] == nil {
            agreement.unstated[Self.commonFields.contains(name) ? "common fields (stated once, on the common page)" : "fields no page lists", default: 0] += 1
        }

        let actions = schema["resourceActions"] as! [String: [String: Any]]
        let serverActions = server["resourceActions"] as? [String: [String: Any]] ?? [:]
        for (name, action) in actions {
            guard let serverAction = serverActions[name] else {
                agreement.disagreements.append("\(id).\(name): no such action on the server")
                continue
            }
            agreement.compare("action input", action["input"], serverAction["input"], at: "\(id).\(name)")
            agreement.compare("action output", action["output"], serverAction["output"], at: "\(id).\(name)")
        }
        agreement.unstated["internal process actions", default: 0] += serverActions.keys.filter { actions[$0] == nil }.count

        let filters = schema["collectionFilters"] as! [String: [String: Any]]
        let serverFilters = server["collectionFilters"] as? [String: [String: Any]] ?? [:]
        for (name, filter) in filters {
            if let reason = Self.knownDisagreements["\(id).\(name) filter modifiers"] {
                agreement.explained.append("\(id).\(name) filter modifiers: \(reason)")
            } else if let serverFilter = serverFilters[name] {
                agreement.compare("filter modifiers", filter["modifiers"], serverFilter["modifiers"], at: "\(id).\(name)")
            } else {
                agreement.unstated["filters on fields with no column", default: 0] += 1
            }
        }
        agreement.compare("includeableLinks", (schema["includeableLinks"] as! [String]).isEmpty, true, at: id)
        agreement.unstated["includeable links", default: 0] += (server["includeableLinks"] as? [String] ?? []).count
    }

    static func isFalsy(_ value: Any?) -> Bool {
        switch value {
        case let flag as Bool: !flag
        case let number as NSNumber: number == 0
        case let text as String: text.isEmpty
        case let list as [Any]: list.isEmpty
        default: value == nil || value is NSNull
        }
    }
}
