import Foundation
import Testing
@testable import ApigenKit

@Suite("Diff output and exit status")
struct DiffOutputTests {
    private typealias F = DiffFixtures

    /// `service.retainIp` removed, `service.scale` default changed, `subscribe` removed.
    private var sampleReport: DiffReport {
        let old = F.document(
            F.resource(fields: [F.writable("retainIp", "boolean"), F.writable("scale", "int", default: "1")]),
            F.resource("subscribe"))
        let new = F.document(F.resource(fields: [F.writable("scale", "int", default: "2")]))
        return F.diff(old, new)
    }

    @Test func jsonIsTheIRFormatDocument() throws {
        let json = try DiffReporter.render(sampleReport, format: .json)
        #expect(json == """
            {
              "findings": [
                {
                  "level": "breaking",
                  "member": "retainIp",
                  "message": "The field `retainIp` (boolean) was removed.",
                  "new": null,
                  "old": "boolean",
                  "rule": "field-removed",
                  "source": "api-resources/service/index.md",
                  "type": "service"
                },
                {
                  "level": "warning",
                  "member": "scale",
                  "message": "The field `scale` defaults to `2` instead of `1`.",
                  "new": "2",
                  "old": "1",
                  "rule": "field-default-changed",
                  "source": "api-resources/service/index.md",
                  "type": "service"
                },
                {
                  "level": "breaking",
                  "member": null,
                  "message": "The resource `subscribe` was removed.",
                  "new": null,
                  "old": "resource",
                  "rule": "type-removed",
                  "source": "api-resources/subscribe/index.md",
                  "type": "subscribe"
                }
              ],
              "new": {
                "apiVersion": "v2-beta",
                "docsVersion": "v1.6"
              },
              "old": {
                "apiVersion": "v2-beta",
                "docsVersion": "v1.6"
              }
            }

            """)
        // Tools can read it back.
        let decoded = try CanonicalJSON.decode(DiffReport.self, from: Data(json.utf8))
        #expect(decoded == sampleReport)
    }

    @Test func jsonOfNoChangesHasAnEmptyList() throws {
        let json = try DiffReporter.render(DiffReport(old: .init(docsVersion: nil, apiVersion: nil),
                                                      new: .init(docsVersion: "v1.6", apiVersion: "v1"), findings: []),
                                           format: .json)
        #expect(json.contains("\"findings\": []"))
        #expect(json.contains("\"docsVersion\": null"))
    }

    @Test func findingsAreSortedByTypeMemberRule() {
        let report = sampleReport
        #expect(report.findings == report.findings.sorted())
        #expect(report.findings.map(\.type) == ["service", "service", "subscribe"])
        let shuffled = DiffReport(old: report.old, new: report.new, findings: report.findings.reversed())
        #expect(shuffled.findings == report.findings)
    }

    @Test func failOnCountsTheLevelAndAbove() {
        let report = sampleReport  // breaking + warning
        #expect(report.exitStatus(failOn: nil) == 0)
        #expect(report.exitStatus(failOn: .breaking) == 1)
        #expect(report.exitStatus(failOn: .warning) == 1)
        #expect(report.exitStatus(failOn: .info) == 1)
        let additive = F.diff(F.document(F.resource()), F.document(F.resource(fields: [F.readOnly("fqdn")])))
        #expect(additive.exitStatus(failOn: .breaking) == 0)
        #expect(additive.exitStatus(failOn: .warning) == 0)
        #expect(additive.exitStatus(failOn: .info) == 1)
        let empty = F.diff(F.document(F.resource()), F.document(F.resource()))
        #expect(empty.exitStatus(failOn: .info) == 0)
        #expect(DiffLevel.info < .warning && DiffLevel.warning < .breaking)
    }

    @Test func textGroupsByTypeAndColoursOnlyWhenAsked() throws {
        let plain = try DiffReporter.render(sampleReport, format: .text)
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.hasPrefix("apigen diff v1.6/v2-beta → v1.6/v2-beta: 2 breaking, 1 warning, 0 info\n"))
        #expect(plain.contains("\nservice  api-resources/service/index.md\n  breaking retainIp: The field `retainIp` (boolean) was removed. (boolean → —) [field-removed]\n"))
        #expect(plain.contains("\nsubscribe  api-resources/subscribe/index.md\n"))
        let coloured = try DiffReporter.render(sampleReport, format: .text, colors: true)
        #expect(coloured.contains("\u{1B}[1;31mbreaking\u{1B}[0m"))
    }

    @Test func markdownHasBreakingTableAndFoldedRest() throws {
        let markdown = try DiffReporter.render(sampleReport, format: .markdown)
        #expect(markdown.hasPrefix("### API changes: `v1.6/v2-beta` → `v1.6/v2-beta`\n"))
        #expect(markdown.contains("\n**2 breaking**, 1 warning, 0 info.\n"))
        #expect(markdown.contains("#### Breaking (2)"))
        #expect(markdown.contains("| `service` | `retainIp` | `field-removed` | `boolean` | — | `api-resources/service/index.md` |"))
        #expect(markdown.contains("<details><summary>Warnings (1)</summary>"))
        #expect(!markdown.contains("Info ("))
        #expect(MarkdownDiffReport.codeCell("a|b") == "`a\\|b`")
        let none = try DiffReporter.render(F.diff(F.document(), F.document()), format: .markdown)
        #expect(none.hasSuffix("No changes.\n"))
    }

    @Test func ruleListShowsEveryRule() throws {
        let text = try DiffReporter.renderRules(format: .text)
        #expect(text.split(separator: "\n").count == DiffRule.catalogue.count)
        #expect(text.contains("field-removed"))
        let json = try DiffReporter.renderRules(format: .json)
        #expect(json.contains("\"id\": \"swift-property-retyped\""))
        let markdown = try DiffReporter.renderRules(format: .markdown)
        #expect(markdown.contains("| `type-removed` | breaking |"))
    }

    @Test func unreadableInputsThrow() throws {
        let folder = try TemporaryDocs(["bad.json": "{}", "old.json": #"{"irVersion": 99, "types": [], "diagnostics": []}"#])
        defer { folder.remove() }
        #expect(throws: DiagnosticError.self) { try DiffInput.load(folder.url.appendingPathComponent("bad.json").path) }
        #expect(throws: DiagnosticError.self) { try DiffInput.load(folder.url.appendingPathComponent("old.json").path) }
        #expect(throws: DiagnosticError.self) { try DiffInput.load(folder.url.appendingPathComponent("missing").path) }
    }

    @Test func irJSONWithoutOptionsOrVersionsDecodes() throws {
        let json = #"""
            {"irVersion": 1, "docsVersion": null, "apiVersion": null, "diagnostics": [], "types": [
              {"name": "service", "kind": "resource", "origin": "page", "source": "service.md", "description": "",
               "operations": [], "actions": [],
               "fields": [{"name": "scale", "type": "int", "writable": true, "create": true, "required": false,
                           "update": true, "default": null, "description": ""}]}]}
            """#
        let folder = try TemporaryDocs(["ir.json": json])
        defer { folder.remove() }
        let document = try DiffInput.load(folder.url.appendingPathComponent("ir.json").path)
        #expect(document.types.first?.fields.first?.options == nil)
        #expect(document.types.first?.fields.first?.type == .scalar(.int))
    }
}
