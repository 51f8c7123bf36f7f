import Foundation
import Testing
@testable import ApigenKit

/// `apigen diff` on the real docs sets of the corpus (`APIGEN_CORPUS`, else `../shared/corpus`). Every specific change asserted here was checked by
/// reading both pages; the per-rule counts were measured and pin the whole report.
@Suite("Diff on the real corpus", .needsCorpus)
struct DiffCorpusTests {
    private func finding(
        _ report: DiffReport, _ rule: String, _ type: String, _ member: String? = nil
    ) -> Finding? {
        report.findings.first { $0.rule == rule && $0.type == type && $0.member == member }
    }

    @Test("diff X X reports nothing", arguments: TestPaths.corpusSets)
    func sameSetHasNoFindings(_ set: String) throws {
        let report = try corpusDiffSets.diff(set, set)
        #expect(report.findings.isEmpty)
        #expect(report.exitStatus(failOn: .info) == 0)
    }

    @Test func v12ToV14V2Beta() throws {
        let report = try corpusDiffSets.diff("v1.2/en/api/v2-beta", "v1.4/en/api/v2-beta")
        #expect(report.old == DocsSetVersion(docsVersion: "v1.2", apiVersion: "v2-beta"))
        #expect(report.new == DocsSetVersion(docsVersion: "v1.4", apiVersion: "v2-beta"))
        // `## Subnet` (resource template) became `## subnet` (type page); its newly listed common fields are
        // not reported as additions.
        #expect(finding(report, "type-no-longer-resource", "subnet") != nil)
        #expect(!report.findings.contains { $0.type == "subnet" && $0.rule == "field-added" })
        #expect(finding(report, "type-added", "secret")?.new == "resource")
        // storageDriver.volumeAccessMode: read-only in v1.2, writable with default `multiHostRW` in v1.4.
        #expect(finding(report, "field-became-writable", "storageDriver", "volumeAccessMode") != nil)
        #expect(finding(report, "field-default-added", "storageDriver", "volumeAccessMode")?.new == "multiHostRW")
        #expect(finding(report, "action-added", "project", "defaultNetworkId") != nil)
        #expect(finding(report, "field-no-longer-updatable", "pullTask", "name") != nil)
        #expect(report.countsByRule == [
            "action-added": 1, "field-added": 15, "field-became-writable": 14, "field-default-added": 1,
            "field-no-longer-updatable": 2, "field-read-only-enum-option-removed": 8, "swift-enum-case-removed": 8,
            "type-added": 7, "type-no-longer-resource": 1,
        ])
    }

    @Test func v14ToV16V2Beta() throws {
        let report = try corpusDiffSets.diff("v1.4/en/api/v2-beta", "v1.6/en/api/v2-beta")
        // v1.6 pages of service, host, container, stack, volume… have no Operations section any more.
        for type in ["service", "host", "container", "stack", "certificate", "registry"] {
            for operation in ["create", "update", "delete"] {
                #expect(finding(report, "operation-removed", type, operation) != nil, "\(type).\(operation)")
            }
        }
        #expect(finding(report, "operation-removed", "service", "create")?.old == "POST /v2-beta/projects/${PROJECT_ID}/services")
        #expect(finding(report, "operation-added", "account", "create") != nil)
        // registryCredential.email is gone; host.dockerVersion moved to the read-only table;
        // volumeTemplate.stackId went from `Optional` to `Yes` on create.
        #expect(finding(report, "field-removed", "registryCredential", "email")?.old == "string")
        #expect(finding(report, "field-removed", "registryCredential", "email")?.level == .breaking)
        #expect(finding(report, "field-became-read-only", "host", "dockerVersion") != nil)
        #expect(finding(report, "field-became-required", "volumeTemplate", "stackId") != nil)
        #expect(finding(report, "type-removed", "subscribe")?.source == "api-resources/subscribe/index.md")
        #expect(finding(report, "type-added", "clusterMembership") != nil)
        #expect(finding(report, "action-input-field-added", "stack", "upgrade.answers")?.new == "map[json]")
        // `restoring` left the instance states: info on the wire, a removed case in Swift.
        #expect(finding(report, "field-read-only-enum-option-removed", "instance", "state")?.old == "restoring")
        #expect(finding(report, "swift-enum-case-removed", "instance", "state")?.level == .breaking)
        #expect(report.countsByRule == [
            "action-added": 4, "action-input-field-added": 2, "field-added": 139, "field-became-read-only": 30,
            "field-became-required": 1, "field-became-writable": 8, "field-no-longer-required": 1,
            "field-read-only-enum-option-removed": 11, "field-removed": 1, "operation-added": 16,
            "operation-removed": 51, "swift-enum-case-removed": 11, "type-added": 32, "type-removed": 1,
        ])
        #expect(report.count(at: .breaking) == 95)
        #expect(report.exitStatus(failOn: .breaking) == 1)
    }

    @Test func v10ToV14V1() throws {
        let report = try corpusDiffSets.diff("v1.0/en/api/v1", "v1.4/en/api/v1")
        // amazonec2Config.securityGroup: `string` in v1.0, `array[string]` with default `[docker-machine]` in v1.4.
        let retyped = finding(report, "field-type-changed", "amazonec2Config", "securityGroup")
        #expect(retyped?.old == "string")
        #expect(retyped?.new == "array[string]")
        #expect(finding(report, "swift-property-retyped", "amazonec2Config", "securityGroup")?.new == "[String]")
        #expect(finding(report, "field-default-added", "amazonec2Config", "securityGroup")?.new == "[docker-machine]")
        // The machine-driver configs became type pages; a dozen of them were dropped.
        #expect(finding(report, "type-no-longer-resource", "amazonec2Config") != nil)
        #expect(finding(report, "operation-removed", "amazonec2Config", "create") != nil)
        #expect(finding(report, "type-removed", "openstackConfig") != nil)
        #expect(finding(report, "field-removed", "machine", "openstackConfig") != nil)
        // URLs gained the project scope: /v1/hosts/${ID} → /v1/projects/${PROJECT_ID}/hosts/${ID}.
        let moved = finding(report, "operation-endpoint-changed", "host", "delete")
        #expect(moved?.old == "DELETE /v1/hosts/${ID}")
        #expect(moved?.new == "DELETE /v1/projects/${PROJECT_ID}/hosts/${ID}")
        #expect(finding(report, "operation-added", "host", "create") != nil)
        // machine.name: `Yes | -` in v1.0, `Optional | Yes` in v1.4.
        #expect(finding(report, "field-no-longer-required", "machine", "name") != nil)
        #expect(finding(report, "field-became-updatable", "machine", "name") != nil)
        #expect(finding(report, "field-enum-option-added", "projectMember", "externalIdType")?.new == "azuread_group")
        // A switch over `ProjectMember.ExternalIDType` without `default` no longer compiles.
        let caseAdded = finding(report, "swift-enum-case-added", "projectMember", "externalIdType")
        #expect(caseAdded?.new == "azureadGroup")
        #expect(caseAdded?.message == "The enum `ProjectMember.ExternalIDType` gains the case `.azureadGroup`.")
        #expect(report.countsByRule == [
            "action-added": 4, "action-endpoint-changed": 63, "field-added": 62, "field-became-creatable": 1,
            "field-became-read-only": 1, "field-became-updatable": 19, "field-became-writable": 6,
            "field-default-added": 22, "field-enum-option-added": 2, "field-no-longer-required": 1,
            "field-no-longer-updatable": 44, "field-read-only-enum-option-removed": 2, "field-removed": 19,
            "field-type-changed": 1, "operation-added": 2, "operation-endpoint-changed": 39, "operation-removed": 10,
            "swift-enum-case-added": 2, "swift-enum-case-removed": 2, "swift-property-retyped": 1, "type-added": 12,
            "type-no-longer-resource": 11, "type-removed": 12,
        ])
    }

    @Test func v14ToV16V1() throws {
        let report = try corpusDiffSets.diff("v1.4/en/api/v1", "v1.6/en/api/v1")
        for operation in ["create", "update", "delete"] {
            #expect(finding(report, "operation-removed", "environment", operation) != nil)
            #expect(finding(report, "operation-removed", "service", operation) != nil)
        }
        #expect(finding(report, "type-added", "githubconfig")?.new == "resource")
        #expect(finding(report, "type-removed", "subscribe") != nil)
        #expect(finding(report, "field-became-read-only", "host", "dockerVersion") != nil)
        #expect(report.countsByRule == [
            "field-added": 106, "field-became-read-only": 30, "field-became-writable": 8, "operation-added": 13,
            "operation-removed": 37, "type-added": 28, "type-removed": 1,
        ])
    }

    @Test func irJSONFromDumpDiffsLikeTheDocs() throws {
        let set = "v1.6/en/api/v1"
        let folder = try TemporaryDocs()
        defer { folder.remove() }
        let json = try CanonicalJSON.encode(try corpusDiffSets.document(set))
        try folder.write("v1.6-v1.json", Data(json.utf8))
        let fromJSON = try DiffInput.load(folder.url.appendingPathComponent("v1.6-v1.json").path)
        #expect(APIDiffer.diff(old: fromJSON, new: try corpusDiffSets.document(set)).findings.isEmpty)
        let report = APIDiffer.diff(old: try corpusDiffSets.document("v1.4/en/api/v1"), new: fromJSON)
        #expect(report == (try corpusDiffSets.diff("v1.4/en/api/v1", set)))
    }
}
