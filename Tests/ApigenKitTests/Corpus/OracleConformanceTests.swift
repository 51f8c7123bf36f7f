import Foundation
import Testing
@testable import ApigenKit

/// The two docs sets whose schema JSON is in the oracles (`APIGEN_ORACLE`, else ../shared/oracle): everything the docs carry must agree
/// with the schema they were generated from, 100%.
@Suite("Oracle conformance", .needsOracle)
struct OracleConformanceTests {
    static let pairs = [
        ("v1.0/en/api/v1", "schemas-2016-05-04-fbbfa7d.json"),
        ("v1.2/en/api/v2-beta", "schemas-2016-12-29-80d74d0.json"),
    ]

    /// The schema JSON, decoded strictly (`true` is never `1`).
    struct SchemaFile: Decodable {
        var data: [Schema]
    }

    struct Schema: Decodable {
        var id: String
        var resourceFields: [String: FieldSchema]?
        var collectionMethods: [String]?
        var resourceMethods: [String]?
        var resourceActions: [String: ActionSchema]?
    }

    struct FieldSchema: Decodable {
        var type: String
        var create: Bool?
        var update: Bool?
        var required: Bool?
        var `default`: DefaultValue?
        var options: [String]?
    }

    struct ActionSchema: Decodable {
        var input: String?
        var output: String?
    }

    enum DefaultValue: Decodable {
        case string(String), flag(Bool), number(Double), list([String])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let list = try? container.decode([String].self) {
                self = .list(list)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        /// As the docs print it; falsy defaults (false, 0, "") are printed as `-`, so the docs do not carry them.
        var printed: String? {
            switch self {
            case .string(let text): text.isEmpty ? nil : text
            case .flag(let flag): flag ? "true" : nil
            case .number(let number): number == 0 ? nil : (number == number.rounded() ? String(Int(number)) : String(number))
            case .list(let items): items.isEmpty ? nil : "[" + items.joined(separator: " ") + "]"
            }
        }
    }

    static func schemas(_ file: String) throws -> [String: Schema] {
        try schemas(at: TestPaths.oracleFile(file))
    }

    static func schemas(at url: URL) throws -> [String: Schema] {
        let schemas = try JSONDecoder().decode(SchemaFile.self, from: Data(contentsOf: url)).data
        return Dictionary(schemas.map { ($0.id, $0) }) { first, _ in first }
    }

    /// Counts checks per kind and records every disagreement.
    struct Tally {
        var checked: [String: Int] = [:]
        var mismatches: [String] = []

        mutating func check<T: Equatable>(_ kind: String, _ parsed: T, _ expected: T, _ place: @autoclosure () -> String) {
            checked[kind, default: 0] += 1
            if parsed != expected { mismatches.append("\(place()) \(kind): parsed \(parsed), schema \(expected)") }
        }

        var total: Int { checked.values.reduce(0, +) }
    }

    static func compare(_ field: Field, with schema: FieldSchema, isInput: Bool, at place: String, into tally: inout Tally) {
        tally.check("type", field.type.grammar, schema.type, place)
        if !isInput {
            tally.check("create", field.create, schema.create ?? false, place)
            tally.check("update", field.update, schema.update ?? false, place)
        }
        // Only writeable rows carry Required and Default; only Notes that list options carry options.
        if field.writable {
            tally.check("required", field.required, schema.required ?? false, place)
            if let expected = schema.default?.printed { tally.check("default", field.default, expected, place) }
        }
        if let options = schema.options, field.description.contains("options are") {
            tally.check("options", field.options, options, place)
        }
    }

    @Test(arguments: pairs)
    func parsedIRAgreesWithTheSchema(_ set: String, _ oracle: String) throws {
        let tally = Self.conformance(of: try DocsSetLoader.load(TestPaths.corpusSet(set)), to: try Self.schemas(oracle))
        let figures = tally.checked.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("oracle \(set): \(tally.total) checks (\(figures)), \(tally.mismatches.count) mismatches")
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches.prefix(20))")
        #expect(tally.total > 4000)
    }

    /// Every fact the docs carry about the page types (fields, operations, actions, action inputs), checked
    /// against the schema they were generated from.
    static func conformance(of document: APIDocument, to schemas: [String: Schema]) -> Tally {
        var tally = Tally()
        for type in document.types where type.origin == .page {
            guard let schema = schemas[type.name] else {
                tally.mismatches.append("\(type.name): no schema")
                continue
            }
            for field in type.fields {
                guard let expected = schema.resourceFields?[field.name] else {
                    tally.mismatches.append("\(type.name).\(field.name): not in the schema")
                    continue
                }
                compare(field, with: expected, isInput: false, at: "\(type.name).\(field.name)", into: &tally)
            }
            if type.kind == .resource {
                var expected = Set<String>()
                if schema.collectionMethods?.contains("POST") == true { expected.insert("create") }
                if schema.resourceMethods?.contains("PUT") == true { expected.insert("update") }
                if schema.resourceMethods?.contains("DELETE") == true { expected.insert("delete") }
                tally.check("operations", Set(type.operations.map(\.name)), expected, type.name)
            }
            for action in type.actions {
                let place = "\(type.name).\(action.name)"
                guard let expected = schema.resourceActions?[action.name] else {
                    tally.mismatches.append("\(place): action not in the schema")
                    continue
                }
                tally.check("action input", action.input, expected.input, place)
                tally.check("action output", action.output, expected.output, place)
                let inputSchema = action.input.flatMap { schemas[$0]?.resourceFields } ?? [:]
                for field in action.inputFields {
                    guard let fieldSchema = inputSchema[field.name] else {
                        tally.mismatches.append("\(place).\(field.name): input field not in the schema")
                        continue
                    }
                    compare(field, with: fieldSchema, isInput: true, at: "\(place).\(field.name)", into: &tally)
                }
            }
        }
        return tally
    }

    /// Fields the docs state that no resource page shows: the common page's, and the conventions the emitter
    /// adds to every resource. Each is checked against the type the oracle gives the field in the schemas that
    /// have it (the most frequent one). What remains differs for a documented reason, listed here.
    static let commonFieldDisagreements: [String: String] = [
        // Cattle's schemas type most IDs by their database column; the API sends opaque strings (`1s5`).
        "id": "string",
        // The server writes `createdTS`/`removedTS` while serializing; they are in no schema.
        "createdTS": "not in the schema",
        "removedTS": "not in the schema",
        // Listed by the common page (and sent by the server), but in none of these schemas.
        "removeTime": "not in the schema",
        // `type`, `baseType`, `links` and `actions` belong to every resource (api-spec), not to a schema's fields.
        "type": "not in the schema", "baseType": "not in the schema", "links": "not in the schema",
        "actions": "not in the schema",
        // Resource states are enums with per-type options; the SDK keeps them as text where a page lists none.
        "state": "string",
    ]

    @Test(arguments: pairs)
    func commonFieldsAgreeWithTheSchema(_ set: String, _ oracle: String) throws {
        let document = try DocsSetLoader.load(TestPaths.corpusSet(set))
        let (names, unexplained) = try Self.commonFieldCheck(of: document, with: try Self.schemas(oracle))
        #expect(unexplained.isEmpty, "\(set): \(unexplained)")
        // `removed` is a date on the server; the common page says `bool` and is overruled by the examples.
        let common = try #require(document.types.first { $0.origin == .common })
        #expect(common.fields.first { $0.name == "removed" }?.type == .scalar(.date))
        #expect(common.fields.contains { $0.name == "createdTS" && $0.type == .scalar(.int) })
        print("oracle \(set): \(names.count) common and standard fields checked against the schema")
    }

    /// The common and standard fields checked, and those whose type differs from the oracle's most frequent one
    /// for no reason `commonFieldDisagreements` gives.
    static func commonFieldCheck(
        of document: APIDocument, with schemas: [String: Schema]
    ) throws -> (checked: [String], unexplained: [String]) {
        var oracleTypes: [String: [String: Int]] = [:]
        for schema in schemas.values {
            for (name, field) in schema.resourceFields ?? [:] { oracleTypes[name, default: [:]][field.type, default: 0] += 1 }
        }
        let common = try #require(document.types.first { $0.origin == .common })
        var names: [String] = []
        var unexplained: [String] = []
        for field in common.fields + ResourceConventions.standardFields.map(\.field) where !names.contains(field.name) {
            names.append(field.name)
            let counts = oracleTypes[field.name] ?? [:]
            let oracleType = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "not in the schema"
            let docsType = (common.fields.first { $0.name == field.name } ?? field).type.grammar
            guard docsType != oracleType else { continue }
            // A listed entry names what stands instead of the schema's type: ours, or the schema's silence.
            let listed = Self.commonFieldDisagreements[field.name]
            if listed != docsType, !(listed == "not in the schema" && oracleType == listed) {
                unexplained.append("\(field.name): '\(docsType)' here, '\(oracleType)' in the schema")
            }
        }
        return (names, unexplained)
    }
}
