// Copied into the generated seed package by GeneratedPackageTests (not compiled with apigen's own tests):
// the commonest Rancher automation, a CI deploy, end to end over loopback HTTP, as the README shows it.

import Foundation
import Testing
@testable import Rancher
@_spi(Generated) @testable import RancherRuntime

@Suite("Deploy workflow")
struct DeployWorkflowTests {
    /// A service as the server sends it: documented fields, keys no page lists (at the top and inside
    /// `launchConfig`) and nulls.
    static let serviceJSON = #"""
        {"id":"1s5","type":"networkDriverService","baseType":"service","name":"web","state":"active",
         "transitioning":"no","transitioningMessage":null,"createdTS":1516701662000,"firstRunningTS":1516701700000,
         "links":{"self":"http://rancher/v2-beta/projects/1a5/networkdriverservices/1s5"},
         "actions":{"upgrade":"http://rancher/v2-beta/projects/1a5/networkdriverservices/1s5/?action=upgrade"},
         "launchConfig":{"imageUuid":"docker:nginx:1.24","labels":{"io.rancher.scheduler.global":"true"},
           "ports":["80:80/tcp"],"drainTimeoutMs":5000,"runInit":true,"healthCheck":{"port":80,"interval":2000,
           "strategy":"recreate","healthyThreshold":2,"futureOption":{"x":[1,2]}},"memory":null}}
        """#

    static func upgrading(_ state: String, transitioning: String, actions: String) -> String {
        #"{"id":"1s5","type":"networkDriverService","state":"\#(state)","transitioning":"\#(transitioning)","actions":{\#(actions)}}"#
    }

    @Test("get, change launchConfig in place, upgrade, wait, finish upgrade: every other launchConfig key reaches the server")
    func deploy() async throws {
        try await LoopbackServer.with { server in
            server.enqueueJSON(Self.serviceJSON)
            server.enqueueJSON(Self.upgrading("upgrading", transitioning: "yes", actions: ""), status: 202)
            server.enqueueJSON(Self.upgrading("upgrading", transitioning: "yes", actions: ""))
            server.enqueueJSON(Self.upgrading("upgraded", transitioning: "no", actions: #""finishupgrade":"x","rollback":"y""#))
            server.enqueueJSON(Self.upgrading("finishing-upgrade", transitioning: "yes", actions: ""), status: 202)
            let rancher = Fixture.client(for: server)
            let fast = WaitPolicy(initialDelay: .milliseconds(5), maxDelay: .milliseconds(20), timeout: .seconds(10))

            // The workflow, as the generated README shows it.
            let service = try await rancher.networkDriverServices.get(id: "1s5")
            var launchConfig = service.launchConfig ?? LaunchConfig()
            launchConfig.imageUUID = "docker:nginx:1.25"
            let upgrade = ServiceUpgrade(inServiceStrategy: InServiceUpgradeStrategy(launchConfig: launchConfig, startFirst: true))
            try await rancher.networkDriverServices.upgrade(service, upgrade)
            let upgraded = try await rancher.networkDriverServices.waitUntilSettled(id: service.requireID(), policy: fast)
            try await rancher.networkDriverServices.finishUpgrade(upgraded)

            let requests = server.requests
            #expect(requests.map(\.method) == ["GET", "POST", "GET", "GET", "POST"])
            #expect(requests[1].query == "action=upgrade" && requests[4].query == "action=finishupgrade")
            let decoder = RancherCoding.makeDecoder()
            let original = try decoder.decode(JSONValue.self, from: Data(Self.serviceJSON.utf8))
            let sent = try decoder.decode(JSONValue.self, from: requests[1].body)
            guard case .object(var expected)? = original["launchConfig"] else {
                Issue.record("no launchConfig")
                return
            }
            expected["imageUuid"] = "docker:nginx:1.25"
            #expect(sent["inServiceStrategy"]?["launchConfig"] == .object(expected))
            #expect(sent["inServiceStrategy"]?["startFirst"] == true)
        }
    }

    @Test("an upgrade the service does not offer is refused before anything is sent")
    func upgradeNotOffered() async throws {
        try await LoopbackServer.with { server in
            server.enqueueJSON(Self.upgrading("upgrading", transitioning: "yes", actions: ""))
            let rancher = Fixture.client(for: server)
            let busy = try await rancher.networkDriverServices.get(id: "1s5")
            #expect(!busy.isActionAvailable("upgrade"))
            let error = await thrownError { try await rancher.networkDriverServices.upgrade(busy, ServiceUpgrade()) }
            guard case .actionNotAvailable(let action, _, let id, let state, _)? = error as? RancherError else {
                Issue.record("expected actionNotAvailable, got \(String(describing: error))")
                return
            }
            #expect(action == "upgrade" && id == "1s5" && state == "upgrading")
            #expect(server.requests.count == 1)
        }
    }
}
