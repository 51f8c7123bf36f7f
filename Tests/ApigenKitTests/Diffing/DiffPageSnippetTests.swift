import Foundation
import Testing
@testable import ApigenKit

/// Rules end to end: two small Markdown pages in the docs' own format, through the parser, into the differ.
struct PageSnippet: Sendable, CustomTestStringConvertible {
    var rule: String
    var old: [String: String]
    var new: [String: String]
    var expectedRules: [String]
    var member: String?

    var testDescription: String { rule }
}

private let name = "name | string | Yes | Yes | - | "

private func widget(writeable: [String] = [name], readOnly: [String] = [], create: String? = nil, actions: [String] = [])
    -> [String: String]
{
    ["widget.md": PageBuilder.resourcePage("widget", writeable: writeable, readOnly: readOnly, create: create, actions: actions)]
}

enum PageSnippets {
    static let all: [PageSnippet] = [
        PageSnippet(rule: "field-removed", old: widget(writeable: [name, "retainIp | boolean | Optional | Yes | - | "]),
                    new: widget(), expectedRules: ["field-removed"], member: "retainIp"),
        PageSnippet(rule: "field-added-required", old: widget(),
                    new: widget(writeable: [name, "image | string | Yes | - | - | "]),
                    expectedRules: ["field-added-required"], member: "image"),
        PageSnippet(rule: "field-type-changed", old: widget(writeable: [name, "scale | int | Optional | Yes | - | "]),
                    new: widget(writeable: [name, "scale | string | Optional | Yes | - | "]),
                    expectedRules: ["field-type-changed", "swift-property-retyped"], member: "scale"),
        PageSnippet(rule: "field-became-read-only", old: widget(writeable: [name, "dockerVersion | string | Optional | Yes | - | "]),
                    new: widget(readOnly: ["dockerVersion | string  | "]),
                    expectedRules: ["field-became-read-only"], member: "dockerVersion"),
        PageSnippet(rule: "field-default-changed", old: widget(writeable: [name, "scale | int | Optional | Yes | 1 | "]),
                    new: widget(writeable: [name, "scale | int | Optional | Yes | 2 | "]),
                    expectedRules: ["field-default-changed"], member: "scale"),
        PageSnippet(rule: "field-enum-option-removed",
                    old: widget(writeable: [name, "mode | enum | Optional | Yes | - | The options are `fast`, `safe`."]),
                    new: widget(writeable: [name, "mode | enum | Optional | Yes | - | The options are `safe`."]),
                    expectedRules: ["field-enum-option-removed", "swift-enum-case-removed"], member: "mode"),
        PageSnippet(rule: "operation-removed", old: widget(create: "{}"), new: widget(),
                    expectedRules: ["operation-removed"], member: "create"),
        PageSnippet(rule: "action-added", old: widget(),
                    new: widget(actions: [PageBuilder.action("restart", on: "widget", output: "widget")]),
                    expectedRules: ["action-added"], member: "restart"),
        PageSnippet(rule: "type-removed",
                    old: widget().merging(["gadget.md": PageBuilder.resourcePage("gadget", writeable: [name])]) { first, _ in first },
                    new: widget(), expectedRules: ["type-removed"], member: nil),
    ]
}

@Suite("Diff rule snippets from pages")
struct DiffPageSnippetTests {
    @Test("two pages in, exactly that finding out", arguments: PageSnippets.all)
    func pages(_ snippet: PageSnippet) throws {
        let old = try TemporaryDocs(snippet.old)
        let new = try TemporaryDocs(snippet.new)
        defer {
            old.remove()
            new.remove()
        }
        let report = APIDiffer.diff(old: try DiffInput.load(old.url.path), new: try DiffInput.load(new.url.path))
        #expect(report.findings.map(\.rule).sorted() == snippet.expectedRules.sorted())
        let finding = try #require(report.findings.first { $0.rule == snippet.rule })
        #expect(finding.member == snippet.member)
        #expect(finding.source == (snippet.rule == "type-removed" ? "gadget.md" : "widget.md"))
    }
}
