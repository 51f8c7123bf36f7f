import Foundation
import Testing
@testable import ApigenKit

/// The diff's Swift view against the code the emitter generates: every `swift-*` finding must describe a
/// declaration that exists, as spelled, in the old SDK and changed as said in the new one.
@Suite("Diff: the Swift view matches the generated code")
struct SwiftViewTests {
    private static let name = "name | string | Yes | Yes | - | "

    /// Two versions of one small API, as pages: `mode` gains options (string → enum), `healthState` gains an
    /// option, `launchConfig` goes from a reference to the embedded type, `restart` is renamed `reboot`.
    private static func pages(new: Bool) -> [String: String] {
        let fields = [
            name,
            new ? "mode | enum | Optional | Yes | - | The options are `fast`, `safe`." : "mode | string | Optional | Yes | - | ",
            "launchConfig | " + (new ? PageBuilder.link("launchConfig") : "reference[launchConfig]") + " | Optional | Yes | - | ",
        ]
        let health = "healthState | enum | " + (new ? "The options are `healthy`, `unhealthy`." : "The options are `healthy`.")
        let action = PageBuilder.action(new ? "reboot" : "restart", on: "widget", input: "widgetRestart", output: "widget")
        return [
            "widget.md": PageBuilder.resourcePage("widget", writeable: fields, readOnly: [health], actions: [action]),
            "launchConfig.md": PageBuilder.typePage("launchConfig", writeable: ["imageUuid | string | Optional | - | - | "]),
            "widgetRestart.md": PageBuilder.typePage("widgetRestart", writeable: ["timeout | int | Optional | - | - | "]),
        ]
    }

    private static func load(_ pages: [String: String]) throws -> APIDocument {
        let docs = try TemporaryDocs(pages)
        defer { docs.remove() }
        return try docs.load()
    }

    @Test func fourSwiftOnlyBreaksAreFoundAndMatchTheCode() throws {
        let old = try Self.load(Self.pages(new: false))
        let new = try Self.load(Self.pages(new: true))
        let report = APIDiffer.diff(old: old, new: new)
        func swiftFinding(_ rule: String, _ member: String) -> Finding? {
            report.findings.first { $0.rule == rule && $0.member == member }
        }
        let toEnum = try #require(swiftFinding("swift-property-retyped", "mode"))
        #expect([toEnum.old, toEnum.new] == ["String", "Widget.Mode"])
        let embedded = try #require(swiftFinding("swift-property-retyped", "launchConfig"))
        #expect([embedded.old, embedded.new] == ["LaunchConfig.ID", "LaunchConfig"])
        let caseAdded = try #require(swiftFinding("swift-enum-case-added", "healthState"))
        #expect(caseAdded.new == "unhealthy")
        let renamed = try #require(swiftFinding("swift-method-renamed", "restart"))
        #expect([renamed.old, renamed.new] == ["WidgetClient.restart(id:_:)", "WidgetClient.reboot(id:_:)"])
        for finding in [toEnum, embedded, caseAdded, renamed] { #expect(finding.level == .breaking, "\(finding.rule)") }
        // The wire view is unchanged by the Swift one.
        #expect(report.findings.filter { !$0.rule.hasPrefix("swift-") }.map(\.rule).sorted() == [
            "action-added", "action-removed", "field-enum-option-added", "field-string-format-changed", "field-type-changed",
        ])
        try SwiftFindingCheck.verify(report, old: old, new: new)
    }

    @Test(.needsCorpus, arguments: [("v1.4/en/api/v2-beta", "v1.6/en/api/v2-beta"), ("v1.0/en/api/v1", "v1.4/en/api/v1"),
                                    ("v1.2/en/api/v2-beta", "v1.4/en/api/v2-beta")])
    func everySwiftFindingOfTheCorpusMatchesTheCode(_ oldSet: String, _ newSet: String) throws {
        let old = try corpusDiffSets.document(oldSet)
        let new = try corpusDiffSets.document(newSet)
        let report = APIDiffer.diff(old: old, new: new)
        #expect(report.findings.contains { $0.rule.hasPrefix("swift-") })
        try SwiftFindingCheck.verify(report, old: old, new: new)
    }

    /// The fixture sets' v1.0 → v1.6 change: a string that became a list, an enum case gained, one lost.
    @Test func everySwiftFindingOfTheFixtureSetsMatchesTheCode() throws {
        let old = try fixtureDiffSets.document("v1.0/en/api/v1")
        let new = try fixtureDiffSets.document("v1.6/en/api/v1")
        let report = APIDiffer.diff(old: old, new: new)
        #expect(report.findings.filter { $0.rule.hasPrefix("swift-") }.map(\.rule).sorted() == [
            "swift-enum-case-added", "swift-enum-case-removed", "swift-property-retyped",
        ])
        try SwiftFindingCheck.verify(report, old: old, new: new)
    }
}

/// Reads each `swift-*` finding's message for the declaration it names and looks for it in the two SDKs.
enum SwiftFindingCheck {
    static func verify(_ report: DiffReport, old: APIDocument, new: APIDocument) throws {
        let emitter = try SDKEmitter(options: EmitOptions(moduleName: "Sample"))
        let oldFiles = Dictionary(emitter.emit(old).map { ($0.path, $0.contents) }) { first, _ in first }
        let newFiles = Dictionary(emitter.emit(new).map { ($0.path, $0.contents) }) { first, _ in first }
        for finding in report.findings where finding.rule.hasPrefix("swift-") {
            let names = codeSpans(finding.message)
            let context = Comment(rawValue: "\(finding.rule) \(finding.type).\(finding.member ?? ""): \(finding.message)")
            switch finding.rule {
            case "swift-property-retyped":
                let (owner, property) = try split(try #require(names.first))
                let before = try #require(finding.old).replacingOccurrences(of: owner + ".", with: "")
                let after = try #require(finding.new).replacingOccurrences(of: owner + ".", with: "")
                #expect(declares(oldFiles[model(owner)], property, before), context)
                #expect(declares(newFiles[model(owner)], property, after), context)
            case "swift-enum-case-added", "swift-enum-case-removed":
                let (owner, enumName) = try split(try #require(names.first))
                let caseName = try #require(finding.new ?? finding.old)
                let added = finding.rule == "swift-enum-case-added"
                #expect(enumBody(oldFiles[model(owner)], enumName)?.contains("case \(caseName)\n") == !added, context)
                #expect(enumBody(newFiles[model(owner)], enumName)?.contains("case \(caseName)\n") == added, context)
            case "swift-method-renamed":
                let (client, before) = try split(try #require(names.first))
                let (_, after) = try split(try #require(names.last))
                let oldClient = oldFiles["Sources/Sample/Client/\(client).swift"] ?? ""
                let newClient = newFiles["Sources/Sample/Client/\(client).swift"] ?? ""
                #expect(oldClient.contains("func \(baseName(before))(id:") && !newClient.contains("func \(baseName(before))(id:"), context)
                #expect(newClient.contains("func \(baseName(after))(id:"), context)
            case "swift-action-input-retyped", "swift-action-output-retyped":
                let (client, method) = try split(try #require(names.first))
                let source = newFiles["Sources/Sample/Client/\(client).swift"] ?? ""
                let line = source.split(separator: "\n").first { $0.contains("func \(baseName(method))(id:") }.map(String.init) ?? ""
                if let type = finding.new {
                    #expect(line.contains(finding.rule.contains("input") ? "_ input: \(type))" : "-> \(type) "), context)
                }
            default:
                Issue.record("no check for \(finding.rule)")
            }
        }
    }

    private static func model(_ typeName: String) -> String { "Sources/Sample/Models/\(typeName).swift" }

    /// The text between backticks, in order.
    private static func codeSpans(_ message: String) -> [String] {
        message.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// `Owner.member(id:_:)` → (`Owner`, `member(id:_:)`).
    private static func split(_ qualified: String) throws -> (String, String) {
        let dot = try #require(qualified.firstIndex(of: "."))
        return (String(qualified[..<dot]), String(qualified[qualified.index(after: dot)...]))
    }

    private static func baseName(_ method: String) -> String { String(method.prefix { $0 != "(" }) }

    /// Whether the model declares `property` with type `type` (stored, or computed over shared storage).
    private static func declares(_ source: String?, _ property: String, _ type: String) -> Bool {
        guard let source else { return false }
        return ["let", "var"].contains { source.contains("public \($0) \(property): \(type)?\n") || source.contains("public \($0) \(property): \(type)? {") }
    }

    private static func enumBody(_ source: String?, _ name: String) -> String? {
        guard let source, let start = source.range(of: "enum \(name): RancherEnum {") else { return nil }
        let rest = source[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n    }\n")?.lowerBound ?? rest.endIndex)])
    }
}
