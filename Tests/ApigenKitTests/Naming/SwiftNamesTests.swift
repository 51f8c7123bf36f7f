import Testing
@testable import ApigenKit

/// The naming rules, one case per rule: acronyms, humps, plurals, keywords.
@Suite("Swift names")
struct SwiftNamesTests {
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
}
