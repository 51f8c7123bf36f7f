import Testing
@testable import ApigenKit

/// One small before/after pair per rule: the diff must report exactly the expected findings.
struct RuleSnippet: Sendable, CustomTestStringConvertible {
    /// The rule the snippet demonstrates.
    var rule: String
    var old: APIDocument
    var new: APIDocument
    /// Every rule id the diff must report, once each, in any order (a change can have a wire and a Swift view).
    var expectedRules: [String]
    var member: String?
    var oldValue: String?
    var newValue: String?

    var testDescription: String { rule }
}

private typealias F = DiffFixtures

/// A resource `service` holding one field, before and after.
private func fieldSnippet(
    _ rule: String, _ before: Field, _ after: Field, also: [String] = [], old: String?, new: String?
) -> RuleSnippet {
    RuleSnippet(
        rule: rule, old: F.document(F.resource(fields: [before])), new: F.document(F.resource(fields: [after])),
        expectedRules: [rule] + also, member: after.name, oldValue: old, newValue: new)
}

/// A resource `service` with a `restart` action taking `serviceRestart` with one input field, before and after.
private func inputSnippet(
    _ rule: String, _ before: [Field], _ after: [Field], member: String, old: String?, new: String?
) -> RuleSnippet {
    let oldAction = F.action("restart", input: "serviceRestart", inputFields: before)
    let newAction = F.action("restart", input: "serviceRestart", inputFields: after)
    return RuleSnippet(
        rule: rule, old: F.document(F.resource(actions: [oldAction])), new: F.document(F.resource(actions: [newAction])),
        expectedRules: [rule], member: "restart.\(member)", oldValue: old, newValue: new)
}

/// `types` are in both documents: the types the changed element names, so that they have models.
private func snippet(
    _ rule: String, _ old: APIType, _ new: APIType, also: [String] = [], types: [String] = [], member: String?,
    old oldValue: String?, new newValue: String?
) -> RuleSnippet {
    let shared = types.map { F.embedded($0) }
    return RuleSnippet(rule: rule, old: F.document([old] + shared), new: F.document([new] + shared), expectedRules: [rule] + also,
                       member: member, oldValue: oldValue, newValue: newValue)
}

enum RuleSnippets {
    static let all: [RuleSnippet] = typeSnippets + operationAndActionSnippets + inputSnippets + fieldSnippets + swiftSnippets

    static let typeSnippets: [RuleSnippet] = [
        RuleSnippet(rule: "type-added", old: F.document(F.resource()), new: F.document(F.resource(), F.embedded("scalePolicy")),
                    expectedRules: ["type-added"], member: nil, oldValue: nil, newValue: "type"),
        RuleSnippet(rule: "type-removed", old: F.document(F.resource(), F.resource("subscribe")), new: F.document(F.resource()),
                    expectedRules: ["type-removed"], member: nil, oldValue: "resource", newValue: nil),
        snippet("type-became-resource", F.embedded("widget"), F.resource("widget"), member: nil, old: "type", new: "resource"),
        snippet("type-no-longer-resource", F.resource("subnet"), F.embedded("subnet"), member: nil, old: "resource", new: "type"),
    ]

    static let operationAndActionSnippets: [RuleSnippet] = [
        snippet("operation-added", F.resource(), F.resource(operations: [F.operation("create")]),
                member: "create", old: nil, new: "POST /v2-beta/projects/${PROJECT_ID}/services"),
        snippet("operation-removed", F.resource(operations: [F.operation("delete")]), F.resource(),
                member: "delete", old: "DELETE /v2-beta/projects/${PROJECT_ID}/services/${ID}", new: nil),
        snippet("operation-endpoint-changed",
                F.resource(operations: [ApigenKit.Operation(name: "update", method: "PUT", path: "/v1/services/${ID}")]),
                F.resource(operations: [F.operation("update")]),
                member: "update", old: "PUT /v1/services/${ID}", new: "PUT /v2-beta/projects/${PROJECT_ID}/services/${ID}"),
        snippet("action-added", F.resource(), F.resource(actions: [F.action("evacuate")]),
                member: "evacuate", old: nil, new: "POST /v2-beta/projects/${PROJECT_ID}/services/${ID}?action=evacuate"),
        snippet("action-removed", F.resource(actions: [F.action("evacuate")]), F.resource(),
                member: "evacuate", old: "POST /v2-beta/projects/${PROJECT_ID}/services/${ID}?action=evacuate", new: nil),
        snippet("action-endpoint-changed",
                F.resource(actions: [Action(name: "activate", method: "POST", path: "/v1/services/${ID}?action=activate", output: "service")]),
                F.resource(actions: [F.action("activate")]), member: "activate",
                old: "POST /v1/services/${ID}?action=activate", new: "POST /v2-beta/projects/${PROJECT_ID}/services/${ID}?action=activate"),
        // Both views: the body may be the same, but the Swift parameter type is renamed.
        snippet("action-input-type-changed", F.resource(actions: [F.action("restart", input: "serviceRestart")]),
                F.resource(actions: [F.action("restart", input: "restartInput")]), also: ["swift-action-input-retyped"],
                types: ["serviceRestart", "restartInput"], member: "restart", old: "serviceRestart", new: "restartInput"),
        snippet("action-output-type-changed", F.resource(actions: [F.action("execute", output: "container")]),
                F.resource(actions: [F.action("execute", output: "hostAccess")]), also: ["swift-action-output-retyped"],
                types: ["container", "hostAccess"], member: "execute", old: "container", new: "hostAccess"),
    ]

    static let inputSnippets: [RuleSnippet] = [
        inputSnippet("action-input-field-added-required", [], [F.input("batchSize", "int", required: true)],
                     member: "batchSize", old: nil, new: "int"),
        inputSnippet("action-input-field-added", [], [F.input("templates", "map[string]")],
                     member: "templates", old: nil, new: "map[string]"),
        inputSnippet("action-input-field-removed", [F.input("timeout", "int")], [], member: "timeout", old: "int", new: nil),
        inputSnippet("action-input-field-type-changed", [F.input("timeout", "int")], [F.input("timeout", "string")],
                     member: "timeout", old: "int", new: "string"),
        inputSnippet("action-input-field-became-required", [F.input("timeout", "int")], [F.input("timeout", "int", required: true)],
                     member: "timeout", old: "false", new: "true"),
        inputSnippet("action-input-field-no-longer-required", [F.input("timeout", "int", required: true)], [F.input("timeout", "int")],
                     member: "timeout", old: "true", new: "false"),
        inputSnippet("action-input-field-default-changed", [F.input("timeout", "int", default: "10")],
                     [F.input("timeout", "int", default: "30")], member: "timeout", old: "10", new: "30"),
        inputSnippet("action-input-field-enum-option-removed", [F.input("mode", "enum", options: ["fast", "safe"])],
                     [F.input("mode", "enum", options: ["safe"])], member: "mode", old: "fast", new: nil),
        inputSnippet("action-input-field-enum-option-added", [F.input("mode", "enum", options: ["safe"])],
                     [F.input("mode", "enum", options: ["safe", "fast"])], member: "mode", old: nil, new: "fast"),
    ]

    static let fieldSnippets: [RuleSnippet] = [
        snippet("field-added", F.resource(), F.resource(fields: [F.readOnly("fqdn")]), member: "fqdn", old: nil, new: "string"),
        snippet("field-added-required", F.resource(), F.resource(fields: [F.writable("stackId", "reference[stack]", required: true)]),
                member: "stackId", old: nil, new: "reference[stack]"),
        snippet("field-removed", F.resource(fields: [F.writable("retainIp", "boolean")]), F.resource(),
                member: "retainIp", old: "boolean", new: nil),
        fieldSnippet("field-type-changed", F.writable("securityGroup"), F.writable("securityGroup", "array[string]"),
                     also: ["swift-property-retyped"], old: "string", new: "array[string]"),
        fieldSnippet("field-string-format-changed", F.writable("secret"), F.writable("secret", "password"),
                     old: "string", new: "password"),
        // Made writable fields lose create, update, required and default with it: one finding, not five.
        fieldSnippet("field-became-read-only", F.writable("dockerVersion", required: true, default: "1.12"),
                     F.readOnly("dockerVersion"), old: "writable", new: "read-only"),
        fieldSnippet("field-became-writable", F.readOnly("value"), F.writable("value"), old: "read-only", new: "writable"),
        fieldSnippet("field-no-longer-creatable", F.writable("vip"), F.writable("vip", create: false),
                     old: "true", new: "false"),
        fieldSnippet("field-became-creatable", F.writable("labels", create: false), F.writable("labels"), old: "false", new: "true"),
        fieldSnippet("field-no-longer-updatable", F.writable("name"), F.writable("name", update: false), old: "true", new: "false"),
        fieldSnippet("field-became-updatable", F.writable("name", update: false), F.writable("name"), old: "false", new: "true"),
        fieldSnippet("field-became-required", F.writable("stackId", "reference[stack]"),
                     F.writable("stackId", "reference[stack]", required: true), old: "false", new: "true"),
        fieldSnippet("field-no-longer-required", F.writable("templates", "map[string]", required: true),
                     F.writable("templates", "map[string]"), old: "true", new: "false"),
        fieldSnippet("field-default-added", F.writable("region"), F.writable("region", default: "us-east-1"),
                     old: nil, new: "us-east-1"),
        fieldSnippet("field-default-changed", F.writable("scale", "int", default: "1"), F.writable("scale", "int", default: "2"),
                     old: "1", new: "2"),
        fieldSnippet("field-default-removed", F.writable("scale", "int", default: "1"), F.writable("scale", "int"),
                     old: "1", new: nil),
        fieldSnippet("field-enum-option-removed", F.writable("mode", "enum", options: ["fast", "safe"]),
                     F.writable("mode", "enum", options: ["safe"]), also: ["swift-enum-case-removed"], old: "fast", new: nil),
        fieldSnippet("field-read-only-enum-option-removed", F.readOnly("state", "enum", options: ["active", "restoring"]),
                     F.readOnly("state", "enum", options: ["active"]), also: ["swift-enum-case-removed"], old: "restoring", new: nil),
        fieldSnippet("field-enum-option-added", F.readOnly("externalIdType", "enum", options: ["github_user"]),
                     F.readOnly("externalIdType", "enum", options: ["github_user", "azuread_user"]),
                     also: ["swift-enum-case-added"], old: nil, new: "azuread_user"),
    ]

    static let swiftSnippets: [RuleSnippet] = [
        // Same JSON string on the wire, another Swift type: the wire view warns, the Swift view breaks.
        snippet("swift-property-retyped", F.resource(fields: [F.readOnly("agentId", "reference")]),
                F.resource(fields: [F.readOnly("agentId", "reference[agent]")]), also: ["field-string-format-changed"],
                types: ["agent"], member: "agentId", old: "String", new: "Agent.ID"),
        fieldSnippet("swift-enum-case-removed", F.readOnly("state", "enum", options: ["active", "updating-active"]),
                     F.readOnly("state", "enum", options: ["active"]), also: ["field-read-only-enum-option-removed"],
                     old: "updatingActive", new: nil),
        snippet("swift-action-input-retyped", F.resource(actions: [F.action("upgrade", input: nil)]),
                F.resource(actions: [F.action("upgrade", input: "serviceUpgrade")]), also: ["action-input-type-changed"],
                types: ["serviceUpgrade"], member: "upgrade", old: nil, new: "ServiceUpgrade"),
        snippet("swift-action-output-retyped", F.resource(actions: [F.action("execute", output: "container")]),
                F.resource(actions: [F.action("execute", output: "hostAccess")]), also: ["action-output-type-changed"],
                types: ["container", "hostAccess"], member: "execute", old: "Container", new: "HostAccess"),
        fieldSnippet("swift-enum-case-added", F.readOnly("healthState", "enum", options: ["healthy"]),
                     F.readOnly("healthState", "enum", options: ["healthy", "updating-healthy"]),
                     also: ["field-enum-option-added"], old: nil, new: "updatingHealthy"),
        // Renamed in the API with the same input and output: the wire sees a removal and an addition.
        snippet("swift-method-renamed", F.resource(actions: [F.action("restart", input: "serviceRestart")]),
                F.resource(actions: [F.action("reboot", input: "serviceRestart")]), also: ["action-removed", "action-added"],
                types: ["serviceRestart"], member: "restart", old: "ServiceClient.restart(id:_:)", new: "ServiceClient.reboot(id:_:)"),
    ]
}

@Suite("Diff rule snippets")
struct DiffRuleSnippetTests {
    @Test("each rule reports exactly its finding", arguments: RuleSnippets.all)
    func snippet(_ snippet: RuleSnippet) throws {
        let report = F.diff(snippet.old, snippet.new)
        #expect(report.findings.map(\.rule).sorted() == snippet.expectedRules.sorted())
        let finding = try #require(report.findings.first { $0.rule == snippet.rule })
        #expect(finding.member == snippet.member)
        #expect(finding.old == snippet.oldValue)
        #expect(finding.new == snippet.newValue)
        #expect(finding.level == DiffRule.rule(id: snippet.rule)?.level)
        #expect(!finding.message.isEmpty)
    }

    @Test func everyRuleHasASnippet() {
        let covered = Set(RuleSnippets.all.map(\.rule))
        let catalogue = DiffRule.catalogue.map(\.id)
        #expect(Set(catalogue).subtracting(covered).sorted() == [])
        #expect(Set(catalogue).count == catalogue.count, "rule ids are unique")
    }

    @Test func renameIsRemovePlusAdd() {
        let report = F.diff(F.document(F.resource(fields: [F.writable("environmentId", "reference[environment]")])),
                            F.document(F.resource(fields: [F.writable("stackId", "reference[environment]")])))
        #expect(report.findings.map(\.rule) == ["field-removed", "field-added"])
        #expect(report.findings.map(\.member) == ["environmentId", "stackId"])
    }

    @Test func wireOnlyChangeKeepsSwiftQuiet() {
        // `NET_ADMIN` and `net_admin` are different values on the wire but the same Swift case `netAdmin`.
        let report = F.diff(F.document(F.resource(fields: [F.writable("capAdd", "array[enum]", options: ["NET_ADMIN"])])),
                            F.document(F.resource(fields: [F.writable("capAdd", "array[enum]", options: ["net_admin"])])))
        #expect(report.findings.map(\.rule).sorted() == ["field-enum-option-added", "field-enum-option-removed"])
    }

    @Test func referenceTargetAndElementChangesAreTypeChanges() {
        let types = ["instance", "container", "launchConfig", "secondaryLaunchConfig"].map { F.embedded($0) }
        for (before, after) in [("reference[instance]", "reference[container]"),
                                ("array[reference[instance]]", "array[reference[container]]"),
                                ("map[string]", "map[json]"), ("launchConfig", "secondaryLaunchConfig")] {
            let report = F.diff(F.document([F.resource(fields: [F.writable("target", before)])] + types),
                                F.document([F.resource(fields: [F.writable("target", after)])] + types))
            #expect(report.findings.map(\.rule) == ["field-type-changed", "swift-property-retyped"], "\(before) → \(after)")
        }
    }

    @Test func commonFieldsShownOnlyOnTypePagesAreNotChanges() {
        // Resource pages hide the common fields; the same type as an embedded type's page lists them.
        let report = F.diff(F.document(F.resource("subnet", fields: [F.writable("cidrSize", "int")])),
                            F.document(F.embedded("subnet", fields: [F.writable("cidrSize", "int"), F.readOnly("state"),
                                                                     F.readOnly("uuid"), F.readOnly("gateway")])))
        #expect(report.findings.map(\.rule) == ["type-no-longer-resource", "field-added"])
        #expect(report.findings.last?.member == "gateway")
    }

    @Test func optionsThatStopBeingListedAreNotRemovalsButTheEnumGoes() {
        let report = F.diff(F.document(F.resource(fields: [F.readOnly("state", "enum", options: ["active"])])),
                            F.document(F.resource(fields: [F.readOnly("state", "enum")])))
        // Nothing on the wire; in Swift the nested enum is gone and the property is a `String`.
        #expect(report.findings.map(\.rule) == ["swift-property-retyped"])
        #expect(report.findings.first.map { [$0.old, $0.new] } == ["Service.State", "String"])
    }

    @Test func removalsNameTheOldPage() {
        var old = F.resource("subscribe")
        old.source = "api-resources/subscribe/index.md"
        var kept = F.resource(fields: [F.readOnly("fqdn")])
        kept.source = "old/service.md"
        let newService = F.resource()
        let report = F.diff(F.document(old, kept), F.document(newService))
        #expect(report.findings.map(\.source) == ["old/service.md", "api-resources/subscribe/index.md"])
    }
}
