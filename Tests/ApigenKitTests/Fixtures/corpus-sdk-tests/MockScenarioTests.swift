// Copied into the generated v1.6/v2-beta SDK by `scripts/check-corpus-sdk --mock`, which starts apigen-mock on
// the same docs set and passes its URL in APIGEN_MOCK_URL: the SDK against a server it was not written with.
import Foundation
import Testing
@testable import RancherSDK
@_spi(Generated) @testable import RancherRuntime

@Suite("Scenario against apigen-mock", .serialized)
struct MockScenarioTests {
    let rancher: RancherClient
    let run = String(UUID().uuidString.prefix(8)).lowercased()
    static let quickWaits = WaitPolicy(initialDelay: .milliseconds(20), maxDelay: .milliseconds(200), timeout: .seconds(20))

    init() throws {
        let url = try #require(ProcessInfo.processInfo.environment["APIGEN_MOCK_URL"], "APIGEN_MOCK_URL is not set")
        rancher = RancherClient(baseURL: try #require(URL(string: url)), accessKey: "scenario-key", secretKey: "scenario-secret",
                                projectID: "1a5")
    }

    @Test func deployAndUpgrade() async throws {
        let stack = try await rancher.stacks.create(Stack.Create(name: "ci-\(run)"))
        #expect(stack.transitioning == .yes)
        let activeStack = try await rancher.stacks.waitUntilSettled(id: stack.requireID(), policy: Self.quickWaits)
        #expect(activeStack.stateText == "active")

        // A launchConfig with a key the docs do not list: it must reach the server and come back.
        var launchConfig = LaunchConfig()
        launchConfig.imageUUID = "docker:nginx:1.24"
        launchConfig.additionalFields["drainTimeoutMs"] = .integer(15000)
        let created = try await rancher.services.create(Service.Create(name: "web-\(run)", launchConfig: launchConfig, stackID: activeStack.id))
        let service = try await rancher.services.wait(for: created, policy: Self.quickWaits)
        #expect(service.stateText == "active")
        #expect(service.launchConfig?.additionalFields["drainTimeoutMs"] == .integer(15000))

        // Following a link to typed results: the stack's services.
        let linked = try await rancher.stacks.get(id: activeStack.requireID(), include: ["services"])
        let included = try #require(try linked.included("services", as: [Service].self))
        #expect(included.map(\.id) == [service.id])

        // The deploy: change the image, upgrade, wait, finish; every other launchConfig key stays.
        #expect(service.isActionAvailable("upgrade"))
        #expect(!service.isActionAvailable("finishupgrade"))
        var newConfig = try #require(service.launchConfig)
        newConfig.imageUUID = "docker:nginx:1.25"
        try await rancher.services.upgrade(service, ServiceUpgrade(inServiceStrategy: InServiceUpgradeStrategy(launchConfig: newConfig)))
        let upgraded = try await rancher.services.waitUntilSettled(id: service.requireID(), policy: Self.quickWaits)
        #expect(upgraded.stateText == "upgraded")
        #expect(upgraded.launchConfig?.imageUUID == "docker:nginx:1.25")
        #expect(upgraded.launchConfig?.additionalFields["drainTimeoutMs"] == .integer(15000))
        try await rancher.services.finishUpgrade(upgraded)
        let finished = try await rancher.services.waitUntilSettled(id: service.requireID(), policy: Self.quickWaits)
        #expect(finished.stateText == "active")

        // An action the state does not allow: refused before sending, and by the server when sent anyway.
        await #expect(throws: RancherError.self) { try await rancher.services.finishUpgrade(finished) }
        do {
            try await rancher.services.finishUpgrade(id: finished.requireID())
            Issue.record("finishupgrade on an active service was accepted")
        } catch RancherError.unprocessable(let error) {
            #expect(error.code == "ActionNotAvailable")
            #expect(error.fieldName == "action")
        }

        // Delete: removing, then removed; still readable by ID, gone from lists.
        try await rancher.services.delete(id: finished.requireID())
        try await rancher.services.waitUntilRemoved(id: finished.requireID(), policy: Self.quickWaits)
        let removed = try await rancher.services.get(id: finished.requireID())
        #expect(removed.stateText == "removed")
        #expect(removed.removed != nil)
        let listed = try await rancher.services.list(ListOptions(filters: ["name": "web-\(run)"]))
        #expect(listed.data.isEmpty)
    }

    @Test func listsWithFiltersAcrossPages() async throws {
        for index in 1...5 {
            _ = try await rancher.stacks.create(Stack.Create(name: "page-\(run)-\(index)", description: "page test"))
        }
        _ = try await rancher.stacks.create(Stack.Create(name: "other-\(run)"))
        var names: [String] = []
        for try await stack in rancher.stacks.all(ListOptions(filters: ["name_prefix": "page-\(run)"], sort: "name", order: .descending, limit: 2)) {
            names.append(try #require(stack.name))
        }
        #expect(names == (1...5).reversed().map { "page-\(run)-\($0)" })
        let first = try await rancher.stacks.list(ListOptions(filters: ["name_like": "page-\(run)-%"], limit: 2))
        #expect(first.data.count == 2)
        #expect(first.pagination?.partial == true)
        #expect(first.pagination?.next != nil)
        let none = try await rancher.stacks.list(ListOptions(filters: ["name_prefix": "page-\(run)", "description_ne": "page test"]))
        #expect(none.data.isEmpty)
    }

    @Test func errorsAreTyped() async throws {
        do {
            _ = try await rancher.services.get(id: Service.ID(rawValue: "1s999999"))
            Issue.record("an unknown service was found")
        } catch RancherError.notFound(let error) {
            #expect(error.status == 404)
        }
        do {
            var config = LaunchConfig()
            config.imageUUID = "docker:nginx"
            _ = try await rancher.services.create(Service.Create(name: "orphan-\(run)", launchConfig: config, stackID: Stack.ID(rawValue: "1st999999")))
            Issue.record("a service in an unknown stack was created")
        } catch RancherError.unprocessable(let error) {
            #expect(error.code == "InvalidReference")
            #expect(error.fieldName == "stackId")
        }
        let unauthorized = RancherClient(baseURL: rancher.baseURL, accessKey: "scenario-key", secretKey: "wrong", projectID: "1a5")
        await #expect {
            _ = try await unauthorized.stacks.list()
        } throws: { error in
            if case RancherError.unauthorized = error { true } else { false }
        }
    }
}
