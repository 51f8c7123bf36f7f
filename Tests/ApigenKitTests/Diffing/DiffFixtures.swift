import Foundation
import Synchronization
import Testing
@testable import ApigenKit

/// Small IRs for the rule snippets: one type per document unless a test needs more.
enum DiffFixtures {
    static func document(_ types: APIType...) -> APIDocument { document(types) }

    static func document(_ types: [APIType]) -> APIDocument {
        APIDocument(docsVersion: "v1.6", apiVersion: "v2-beta", types: types.sorted { $0.name < $1.name })
    }

    static func resource(
        _ name: String = "service", fields: [Field] = [], operations: [ApigenKit.Operation] = [], actions: [Action] = []
    ) -> APIType {
        APIType(name: name, kind: .resource, origin: .page, source: "api-resources/\(name)/index.md",
                fields: fields, operations: operations, actions: actions)
    }

    static func embedded(_ name: String, fields: [Field] = []) -> APIType {
        APIType(name: name, kind: .type, origin: .page, source: "api-resources/\(name)/index.md", fields: fields)
    }

    /// A grammar string as a `TypeRef`. A typo shows up as a failing expectation, not a crash of the run.
    static func type(_ text: String) -> TypeRef {
        (try? TypeGrammar.parse(text)) ?? .named("invalid type \(text)")
    }

    /// A writable field, optional on create and updatable, unless told otherwise.
    static func writable(
        _ name: String, _ type: String = "string", create: Bool = true, required: Bool = false, update: Bool = true,
        default value: String? = nil, options: [String]? = nil
    ) -> Field {
        Field(name: name, type: Self.type(type), writable: true, create: create || required, required: required,
              update: update, default: value, options: options)
    }

    static func readOnly(_ name: String, _ type: String = "string", options: [String]? = nil) -> Field {
        Field(name: name, type: Self.type(type), options: options)
    }

    static func input(
        _ name: String, _ type: String = "string", required: Bool = false, default value: String? = nil,
        options: [String]? = nil
    ) -> Field {
        Field(name: name, type: Self.type(type), writable: true, create: true, required: required, default: value,
              options: options)
    }

    static func operation(_ name: String, on resource: String = "service") -> ApigenKit.Operation {
        switch name {
        case "create": ApigenKit.Operation(name: name, method: "POST", path: "/v2-beta/projects/${PROJECT_ID}/\(resource)s")
        case "update": ApigenKit.Operation(name: name, method: "PUT", path: "/v2-beta/projects/${PROJECT_ID}/\(resource)s/${ID}")
        default: ApigenKit.Operation(name: name, method: "DELETE", path: "/v2-beta/projects/${PROJECT_ID}/\(resource)s/${ID}")
        }
    }

    static func action(
        _ name: String, on resource: String = "service", input: String? = nil, output: String? = "service",
        inputFields: [Field] = []
    ) -> Action {
        Action(name: name, method: "POST", path: "/v2-beta/projects/${PROJECT_ID}/\(resource)s/${ID}?action=\(name)",
               input: input, output: output, inputFields: inputFields)
    }

    static func diff(_ old: APIDocument, _ new: APIDocument) -> DiffReport {
        APIDiffer.diff(old: old, new: new)
    }
}

/// Docs sets loaded once per test run (loading is the slow part), from the corpus or from the fixtures.
final class DiffSets: Sendable {
    private let folder: @Sendable (String) throws -> URL
    private let cache = Mutex<[String: APIDocument]>([:])

    init(folder: @escaping @Sendable (String) throws -> URL) { self.folder = folder }

    func document(_ set: String) throws -> APIDocument {
        if let cached = cache.withLock({ $0[set] }) { return cached }
        let document = try DiffInput.load(try folder(set).path)
        cache.withLock { $0[set] = document }
        return document
    }

    func diff(_ old: String, _ new: String) throws -> DiffReport {
        APIDiffer.diff(old: try document(old), new: try document(new))
    }
}

/// The real corpus (`APIGEN_CORPUS`, else `../shared/corpus`).
let corpusDiffSets = DiffSets { TestPaths.corpusSet($0) }

/// The fixture docs sets written for the tests.
let fixtureDiffSets = DiffSets { try TestPaths.fixtureDocsSet($0) }
