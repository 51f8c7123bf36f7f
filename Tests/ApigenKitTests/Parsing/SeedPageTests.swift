import Foundation
import Testing
@testable import ApigenKit

/// The page the project was specified from, read field by field.
@Suite("Seed page: networkDriverService")
struct SeedPageTests {
    let document: APIDocument
    let service: APIType

    init() throws {
        document = try DocsSetLoader.load(TestPaths.seedPage.deletingLastPathComponent())
        service = try #require(document.type(named: "networkDriverService"))
    }

    @Test func headerAndKind() {
        #expect(document.docsVersion == "v1.4")
        #expect(document.apiVersion == "v2-beta")
        #expect(service.kind == .resource)
        #expect(service.origin == .page)
        #expect(service.source == "networkDriverService.md")
    }

    @Test func writeableThenReadOnlyFieldsInPageOrder() {
        #expect(service.fields.count == 27)
        #expect(service.fields.prefix(3).map(\.name) == ["assignServiceIpAddress", "description", "externalId"])
        #expect(service.fields.last?.name == "upgrade")
        #expect(service.fields.filter(\.writable).count == 18)
    }

    @Test func flagsDefaultsAndTypes() throws {
        let name = try #require(service.field(named: "name"))
        #expect(name.create && name.required && name.update && name.writable)
        let scale = try #require(service.field(named: "scale"))
        #expect(scale.default == "1" && scale.type == .scalar(.int) && !scale.required)
        let externalId = try #require(service.field(named: "externalId"))
        #expect(externalId.create && !externalId.update)
        let id = try #require(service.field(named: "id"))
        #expect(!id.writable && !id.create && id.description == "The unique identifier for the networkDriverService")
    }

    @Test func linksDecidedFromEvidence() throws {
        func type(_ field: String) -> TypeRef? { service.field(named: field)?.type }
        #expect(type("stackId") == .reference("stack"))  // "reference[stack]" in the Create body
        #expect(type("launchConfig") == .named("launchConfig"))  // a nested object in the body
        // "array[publicEndpoint]" in the body makes it embedded; with no page and no example it is JSON.
        #expect(type("publicEndpoints") == .array(.scalar(.json)))
        #expect(type("instanceIds") == .array(.reference("instance")))  // read-only: the …Ids name
        #expect(type("upgrade") == .named("serviceUpgrade"))
        #expect(type("metadata") == .map(.scalar(.json)))
    }

    @Test func operationsKeepTheirPaths() {
        #expect(service.operations == [
            Operation(name: "create", method: "POST", path: "/v2-beta/projects/${PROJECT_ID}/networkDriverServices"),
            Operation(name: "delete", method: "DELETE", path: "/v2-beta/projects/${PROJECT_ID}/networkDriverServices/${ID}"),
            Operation(name: "update", method: "PUT", path: "/v2-beta/projects/${PROJECT_ID}/networkDriverServices/${ID}"),
        ])
    }

    @Test func actionsWithInputsFromHrefsAndOutputs() throws {
        #expect(service.actions.map(\.name) == [
            "activate", "addservicelink", "cancelupgrade", "continueupgrade", "deactivate", "finishupgrade",
            "removeservicelink", "restart", "rollback", "setservicelinks", "upgrade",
        ])
        #expect(service.actions.allSatisfy { $0.output == "service" && $0.method == "POST" })
        let upgrade = try #require(service.actions.last)
        #expect(upgrade.input == "serviceUpgrade")
        #expect(upgrade.path == "/v2-beta/projects/${PROJECT_ID}/networkDriverServices/${ID}?action=upgrade")
        #expect(upgrade.inputFields.map(\.name) == ["inServiceStrategy", "toServiceStrategy"])
        #expect(upgrade.inputFields.allSatisfy { $0.writable && $0.create && !$0.required && !$0.update })
        let add = try #require(service.actions.first { $0.name == "addservicelink" })
        #expect(add.input == "addRemoveServiceLinkInput", "the href, not the title-cased label")
        #expect(add.inputFields.first?.required == true)
        #expect(service.actions.first?.input == nil)
    }

    @Test func nestedTypesAreInferredFromTheExamples() throws {
        let inferred = document.types.filter { $0.origin == .example }.map(\.name)
        for name in [
            "launchConfig", "scalePolicy", "serviceUpgrade", "inServiceUpgradeStrategy", "toServiceUpgradeStrategy",
            "networkDriver", "defaultNetwork", "healthCheck", "logConfig", "serviceLink", "serviceRestart",
            "rollingRestartStrategy", "addRemoveServiceLinkInput", "setServiceLinksInput", "build",
        ] {
            #expect(inferred.contains(name), "\(name)")
        }
        let scalePolicy = try #require(document.type(named: "scalePolicy"))
        #expect(scalePolicy.fields.map(\.name) == ["increment", "max", "min"])
        #expect(scalePolicy.fields.allSatisfy { $0.type == .scalar(.int) && $0.default == "1" })
        let launchConfig = try #require(document.type(named: "launchConfig"))
        #expect(launchConfig.field(named: "healthCheck")?.type == .named("healthCheck"))
        #expect(launchConfig.field(named: "dataVolumeMounts")?.type == .map(.reference("volume")))
        #expect(launchConfig.field(named: "command")?.type == .array(.scalar(.string)))
        // The docs print `{"key":"value-pairs"}` for map[string] and map[json] alike: only JSON loses nothing.
        #expect(launchConfig.field(named: "labels")?.type == .map(.scalar(.json)))
        #expect(document.type(named: "networkDriver")?.field(named: "cniConfig")?.type == .map(.scalar(.json)))
        #expect(launchConfig.field(named: "networkMode")?.default == "managed")
        #expect(launchConfig.field(named: "created")?.type == .scalar(.date))
        // The previous launch config has exactly the launch config's fields: one type, not two.
        #expect(document.type(named: "inServiceUpgradeStrategy")?.field(named: "previousLaunchConfig")?.type == .named("launchConfig"))
        #expect(document.type(named: "previousLaunchConfig") == nil)
        let restart = try #require(document.type(named: "serviceRestart"))
        #expect(restart.fields.first?.required == true, "input table rows keep their Required flag")
    }

    @Test func missingPagesAreWarningsAtTheRow() {
        #expect(document.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(document.diagnostics.contains(.warning("link to missing page 'launchConfig'", file: "networkDriverService.md", line: 22)))
    }
}

@Suite("Inferred types meet known ones")
struct TypeUnificationTests {
    @Test func anInferredObjectWithAKnownTypesFieldsIsThatType() throws {
        let seed = try String(contentsOf: TestPaths.seedPage, encoding: .utf8)
        let dockerBuild = PageBuilder.typePage("dockerBuild", writeable: [
            "context | string | Optional | - | - | ", "dockerfile | string | Optional | - | - | ",
            "forcerm | boolean | Optional | - | - | ", "nocache | boolean | Optional | - | - | ",
            "remote | string | Optional | - | - | ", "rm | boolean | Optional | - | - | ",
        ])
        let docs = try TemporaryDocs(["networkDriverService.md": seed, "dockerBuild.md": dockerBuild])
        defer { docs.remove() }
        let document = try docs.load()
        #expect(document.type(named: "launchConfig")?.field(named: "build")?.type == .named("dockerBuild"))
        #expect(document.type(named: "build") == nil)
    }
}
