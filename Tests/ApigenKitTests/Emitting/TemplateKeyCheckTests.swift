import Foundation
import Testing
@testable import ApigenKit

/// Templates against their contexts: a key nothing answers renders as nothing, so it is found first.
@Suite("Template keys")
struct TemplateKeyCheckTests {
    private func problems(_ text: String, partials: [String: String] = [:]) -> [TemplateKeyCheck.Problem] {
        TemplateKeyCheck.problems(in: text, template: "Swift/Model.swift", context: ModelContext.self, partials: partials)
    }

    @Test func everyBuiltInTemplateUsesOnlyKeysItsContextAnswers() throws {
        let templates = try TemplateSet(overrides: nil)
        #expect(templates.names.count >= 11, "the built-in templates: \(templates.names)")
        for name in templates.names {
            #expect(templates.keyProblems(inTemplate: name).isEmpty, "\(name): \(templates.keyProblems(inTemplate: name))")
        }
    }

    @Test func unknownKeysAreFoundWithTheirLines() {
        let found = problems("{{%CONTENT_TYPE:TEXT}}\n{{typeName}}\n{{alsoMissing}}\n{{#properties}}\n  {{name}} {{nope}}\n{{/properties}}\n")
        #expect(found.map(\.line) == [3, 5])
        #expect(found.first?.message == "'{{alsoMissing}}' is no key of the Model context: it renders as nothing")
        #expect(found.last?.message.contains("the Property context or those around it (Model)") == true)
    }

    @Test func keysResolveThroughEnclosingSectionsAsMustacheDoes() {
        // `access` and `typeName` are the model's, read inside a property and an enum case section.
        #expect(problems("{{#enums}}{{#cases}}{{access}} {{typeName}} {{name}}{{/cases}}{{/enums}}").isEmpty)
        #expect(problems("{{#doc}}{{.}}{{/doc}}{{^stateText}}none{{/stateText}}{{#isResource}}{{apiName}}{{/isResource}}").isEmpty)
        #expect(problems("{{! a comment with {{braces}} }}{{{typeName}}}{{& apiName}}").isEmpty)
        #expect(problems("{{params.anything}}{{#properties}}{{params.company}}{{/properties}}").isEmpty, "apigen.yml's params")
    }

    @Test func dottedNamesAreCheckedPartByPart() {
        #expect(problems("{{createPayload.typeName}}").isEmpty)
        #expect(problems("{{createPayload.nope}}").map(\.message) == ["'{{createPayload.nope}}': 'nope' is no key of what 'createPayload' holds: it renders as nothing"])
        #expect(problems("{{typeName.count}}").count == 1, "a text has no keys")
    }

    @Test func partialsAreCheckedWithTheStackWhereTheyAreIncluded() {
        let partial = "{{typeName}}\n{{hasRequired}}\n{{nope}}\n"
        let found = problems("{{#createPayload}}\n{{> Swift/Payload.swift}}\n{{/createPayload}}\n{{> Swift/Payload.swift}}",
                             partials: ["Swift/Payload.swift": partial])
        // Inside createPayload only `nope` is unknown; outside it, `hasRequired` (a payload key) is too.
        #expect(found.map { "\($0.template):\($0.line)" } == ["Swift/Payload.swift:3", "Swift/Payload.swift:2", "Swift/Payload.swift:3"])
    }

    @Test func aUserTemplateWithAMissingKeyIsAWarningNamingFileLineAndKey() throws {
        let docs = try TemporaryDocs(["gauge.md": PageBuilder.typePage("gauge", writeable: ["count | int | Optional | - | - | "])])
        defer { docs.remove() }
        let templates = try TemporaryDocs(["Swift/Model.swift.mustache": "{{%CONTENT_TYPE:TEXT}}\n// {{typeName}}\n{{alsoMissing}}\n"])
        defer { templates.remove() }
        let emitter = try SDKEmitter(options: EmitOptions(moduleName: "Sample", templatesDirectory: templates.url))
        let warnings = emitter.templateWarnings()
        #expect(warnings.count == 1)
        #expect(warnings.first?.file.hasSuffix("Swift/Model.swift.mustache") == true)
        #expect(warnings.first?.line == 3)
        #expect(warnings.first?.message.contains("'{{alsoMissing}}'") == true)
        #expect(warnings.first?.severity == .warning)
        // The built-in templates alone give none.
        #expect(try SDKEmitter(options: EmitOptions(moduleName: "Sample")).templateWarnings().isEmpty)
    }
}

/// `apigen context` on the seed, reviewed like a golden file: what a custom template can use. After an
/// intended change, `APIGEN_UPDATE_GOLDEN=1 swift test --filter ContextSnapshotTests` rewrites the snapshots.
@Suite("Template contexts snapshot")
struct ContextSnapshotTests {
    @Test(arguments: [("Swift/ResourceClient.swift", "resource-client"), ("Swift/README.md", "package"),
                      ("Swift/Model.swift", "model")])
    func seedContextsMatchTheSnapshot(_ template: String, _ snapshot: String) throws {
        let document = try DocsSetLoader.load(TestPaths.repositoryRoot.appendingPathComponent("input-docs"))
        let emitter = try SDKEmitter(options: EmitOptions(templateParameters: ["company": "Acme"]))
        var json = try emitter.contexts(document, template: template)
        if template == "Swift/Model.swift" {
            // Two models are enough to review: the resource, and a type that requests carry (`var`).
            json = try Self.keepingFiles(json) { $0.hasSuffix("/NetworkDriverService.swift") || $0.hasSuffix("/ServiceRestart.swift") }
        }
        let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/ApigenKitTests/Fixtures/contexts/seed-\(snapshot).json")
        if ProcessInfo.processInfo.environment["APIGEN_UPDATE_GOLDEN"] == "1" {
            try json.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(json == expected, "\(template): the contexts changed; review, then APIGEN_UPDATE_GOLDEN=1 to accept")
        #expect(json.contains("\"company\"") && json.contains("\"Acme\""), "apigen.yml's params are shown")
    }

    private static func keepingFiles(_ json: String, _ keep: (String) -> Bool) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        object["files"] = files.filter { keep($0["path"] as? String ?? "") }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
