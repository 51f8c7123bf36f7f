import Foundation
import Testing
@testable import ApigenKit

/// The naming rules, one case per rule: acronyms, humps, plurals, keywords.
@Suite("Swift names")
struct SwiftNamesTests {
    @Test func titlesAreWordsWithInitialismsInCapitals() {
        #expect(SwiftNames.title("dnsServices") == "DNS Services")
        #expect(SwiftNames.title("networkDriverServices") == "Network Driver Services")
        #expect(SwiftNames.title("lbTargetConfig") == "LB Target Config")
        #expect(SwiftNames.title("tasks") == "Tasks")
    }

    @Test(arguments: [
        ("stackId", "stackID"), ("imageUuid", "imageUUID"), ("retainIp", "retainIP"), ("instanceIds", "instanceIDs"),
        ("primaryIpAddress", "primaryIPAddress"), ("milliCpuReservation", "milliCPUReservation"),
        ("engineInstallUrl", "engineInstallURL"), ("hostUuids", "hostUUIDs"), ("agentIpAddress", "agentIPAddress"),
        // A leading initialism is lowercase, as the API Design Guidelines have it.
        ("uuid", "uuid"), ("ipAddress", "ipAddress"), ("URLPath", "urlPath"), ("id", "id"), ("ip6", "ip6"),
        // Not initialisms, though they start like some.
        ("idle", "idle"), ("ioMaximumIOps", "ioMaximumIOps"), ("dnsSearch", "dnsSearch"), ("created[TS]", "createdTS"),
        ("healthCmd", "healthCmd"), ("lbConfig", "lbConfig"), ("vipAddress", "vipAddress"), ("hostIp6", "hostIP6"),
    ])
    func memberNames(_ apiName: String, _ swiftName: String) {
        #expect(SwiftNames.memberName(apiName) == swiftName)
    }

    @Test(arguments: [
        ("lbTargetConfig", "LBTargetConfig"), ("dnsService", "DNSService"), ("haConfigInput", "HAConfigInput"),
        ("apiKey", "APIKey"), ("ipAddress", "IPAddress"), ("hostApiProxyToken", "HostAPIProxyToken"),
        ("networkDriverService", "NetworkDriverService"), ("ulimit", "Ulimit"), ("identity", "Identity"),
        ("task", "TaskModel"), ("externalDnsEvent", "ExternalDNSEvent"),
        // Foundation's names, which user code importing both modules would find ambiguous.
        ("host", "HostModel"), ("port", "PortModel"), ("process", "ProcessModel"), ("timer", "TimerModel"),
    ])
    func typeNames(_ apiName: String, _ swiftName: String) {
        #expect(SwiftNames.typeName(apiName) == swiftName)
    }

    @Test func humpsKeepInitialismsAndDigitsTogether() {
        #expect(SwiftNames.humps("imageUuid") == ["image", "Uuid"])
        #expect(SwiftNames.humps("URLPath") == ["URL", "Path"])
        #expect(SwiftNames.humps("ip6Address") == ["ip6", "Address"])
        #expect(SwiftNames.humps("createdTS") == ["created", "TS"])
    }

    @Test func aUserMayStillChooseAFoundationNameButNotOneTheCodeUses() throws {
        let docs = try TemporaryDocs(["host.md": PageBuilder.typePage("host", writeable: ["name | string | Optional | - | - | "])])
        defer { docs.remove() }
        let files = try SDKEmitter(options: EmitOptions(moduleName: "Sample", typeNameOverrides: ["host": "Host"])).emit(try docs.load())
        #expect(files.contains { $0.path == "Sources/Sample/Models/Host.swift" })
        let folder = try TemporaryDocs(["apigen.yml": "names: { host: Host, port: Date }\n"])
        defer { folder.remove() }
        #expect(throws: DiagnosticError.self) { try Configuration.load(folder.url.appendingPathComponent("apigen.yml")) }
        let accepted = try TemporaryDocs(["apigen.yml": "names: { host: Host }\n"])
        defer { accepted.remove() }
        #expect(try Configuration.load(accepted.url.appendingPathComponent("apigen.yml")).names == ["host": "Host"])
    }
}
