import Foundation
import Testing
@testable import ApigenKit

/// `apigen diff` on the fixture docs sets, the fresh clone's twin of "Diff on the real corpus": v1.0/v1 → v1.6/v1
/// makes, from pages, the kinds of change the real v1.0 → v1.4 → v1.6 diffs have. Every finding below was planted
/// in the pages; the per-rule counts pin the whole report.
@Suite("Diff on the fixture sets")
struct DiffFixtureSetTests {
    private func finding(_ report: DiffReport, _ rule: String, _ type: String, _ member: String? = nil) -> Finding? {
        report.findings.first { $0.rule == rule && $0.type == type && $0.member == member }
    }

    @Test("diff X X reports nothing", arguments: TestPaths.fixtureSets)
    func sameSetHasNoFindings(_ set: String) throws {
        let report = try fixtureDiffSets.diff(set, set)
        #expect(report.findings.isEmpty)
        #expect(report.exitStatus(failOn: .info) == 0)
    }

    @Test func v10ToV16V1() throws {
        let report = try fixtureDiffSets.diff("v1.0/en/api/v1", "v1.6/en/api/v1")
        #expect(report.old == DocsSetVersion(docsVersion: "v1.0", apiVersion: "v1"))
        #expect(report.new == DocsSetVersion(docsVersion: "v1.6", apiVersion: "v1"))
        // amazonec2Config: a resource page with a Create in v1.0, a type page in v1.6; `securityGroup` went from
        // `string` to `array[string]` with the Go-printed default `[docker-machine]`.
        #expect(finding(report, "type-no-longer-resource", "amazonec2Config") != nil)
        #expect(finding(report, "operation-removed", "amazonec2Config", "create")?.old == "POST /v1/amazonec2Configs")
        let retyped = finding(report, "field-type-changed", "amazonec2Config", "securityGroup")
        #expect([retyped?.old, retyped?.new] == ["string", "array[string]"])
        #expect(finding(report, "swift-property-retyped", "amazonec2Config", "securityGroup")?.new == "[String]")
        #expect(finding(report, "field-default-added", "amazonec2Config", "securityGroup")?.new == "[docker-machine]")
        // URLs gained the project scope; host gained a create.
        let moved = finding(report, "operation-endpoint-changed", "host", "delete")
        #expect(moved?.old == "DELETE /v1/hosts/${ID}")
        #expect(moved?.new == "DELETE /v1/projects/${PROJECT_ID}/hosts/${ID}")
        #expect(finding(report, "action-endpoint-changed", "registry", "activate")?.new
            == "POST /v1/projects/${PROJECT_ID}/registries/${ID}?action=activate")
        #expect(finding(report, "operation-added", "host", "create") != nil)
        // v1.6 pages without Operations: container's and registry's are gone.
        for operation in ["create", "update", "delete"] {
            #expect(finding(report, "operation-removed", "registry", operation) != nil, "\(operation)")
        }
        #expect(finding(report, "operation-removed", "container", "create")?.level == .breaking)
        // Fields and types removed, moved between the tables, retyped by their Create and Update cells.
        #expect(finding(report, "type-removed", "openstackConfig")?.source == "api-resources/openstackConfig/index.md")
        #expect(finding(report, "field-removed", "machine", "openstackConfig")?.level == .breaking)
        #expect(finding(report, "field-no-longer-required", "machine", "name") != nil)
        #expect(finding(report, "field-became-updatable", "machine", "name") != nil)
        #expect(finding(report, "field-became-read-only", "host", "labels") != nil)
        #expect(finding(report, "field-became-writable", "registry", "driverName") != nil)
        #expect(finding(report, "field-became-required", "container", "name")?.level == .breaking)
        #expect(finding(report, "field-no-longer-updatable", "account", "externalIdType") != nil)
        // Enums from the Notes: an option added (a new Swift case), a read-only option dropped (a case lost).
        #expect(finding(report, "field-enum-option-added", "projectMember", "externalIdType")?.new == "local_user")
        let caseAdded = finding(report, "swift-enum-case-added", "projectMember", "externalIdType")
        #expect(caseAdded?.new == "localUser")
        #expect(caseAdded?.message == "The enum `ProjectMember.ExternalIDType` gains the case `.localUser`.")
        #expect(finding(report, "field-read-only-enum-option-removed", "service", "healthState")?.old == "initializing")
        #expect(finding(report, "swift-enum-case-removed", "service", "healthState")?.level == .breaking)
        // Actions and their input tables (v1.0's run together, v1.6's a row per line).
        #expect(finding(report, "action-added", "container", "migrate") != nil)
        #expect(finding(report, "action-input-field-added", "service", "restart.startFirst")?.new == "boolean")
        #expect(!report.findings.contains { $0.rule.hasPrefix("action-input") && $0.type == "container" },
                "rows run together read as the same fields as rows on their own lines")
        // Types added: a resource, and two known only from a JSON example.
        #expect(finding(report, "type-added", "registrationToken")?.new == "resource")
        #expect(finding(report, "type-added", "engineOptions")?.new == "type")
        #expect(finding(report, "type-added", "logOpts") != nil)
        #expect(report.countsByRule == [
            "action-added": 1, "action-endpoint-changed": 16, "action-input-field-added": 1, "field-added": 5,
            "field-became-read-only": 1, "field-became-required": 1, "field-became-updatable": 1, "field-became-writable": 1,
            "field-default-added": 1, "field-enum-option-added": 1, "field-no-longer-required": 1,
            "field-no-longer-updatable": 1, "field-read-only-enum-option-removed": 1, "field-removed": 1,
            "field-type-changed": 1, "operation-added": 1, "operation-endpoint-changed": 8, "operation-removed": 6,
            "swift-enum-case-added": 1, "swift-enum-case-removed": 1, "swift-property-retyped": 1, "type-added": 3,
            "type-no-longer-resource": 1, "type-removed": 1,
        ])
        #expect(report.count(at: .breaking) == 16)
        #expect(report.exitStatus(failOn: .breaking) == 1)
    }

    @Test func irJSONFromDumpDiffsLikeTheDocs() throws {
        let set = "v1.6/en/api/v1"
        let folder = try TemporaryDocs()
        defer { folder.remove() }
        let json = try CanonicalJSON.encode(try fixtureDiffSets.document(set))
        try folder.write("v1.6-v1.json", Data(json.utf8))
        let fromJSON = try DiffInput.load(folder.url.appendingPathComponent("v1.6-v1.json").path)
        #expect(APIDiffer.diff(old: fromJSON, new: try fixtureDiffSets.document(set)).findings.isEmpty)
        let report = APIDiffer.diff(old: try fixtureDiffSets.document("v1.0/en/api/v1"), new: fromJSON)
        #expect(report == (try fixtureDiffSets.diff("v1.0/en/api/v1", set)))
    }
}
