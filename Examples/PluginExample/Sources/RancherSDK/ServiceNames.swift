import Foundation

// Hand-written code next to the generated SDK: it lives in the same module, so it uses the generated
// `RancherClient` and `NetworkDriverService` directly.

/// The names of the network driver services in a Rancher project.
public func networkDriverServiceNames(
    server: URL, accessKey: String, secretKey: String, projectID: String
) async throws -> [String] {
    let rancher = RancherClient(baseURL: server, accessKey: accessKey, secretKey: secretKey, projectID: projectID)
    let page = try await rancher.networkDriverServices.list()
    return page.data.compactMap(\.name)
}
