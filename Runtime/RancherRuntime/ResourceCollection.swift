// RancherRuntime: the calls every resource collection has.

import Foundation

/// The client of one resource collection (`rancher.services`, `rancher.hosts`, …).
///
/// Listing, fetching and waiting work the same for every resource type, so they are written once here;
/// the generated clients add the type's own operations and actions.
public protocol ResourceCollectionClient: Sendable {
    /// The resource model the collection holds.
    associatedtype Model: RancherResource
    /// The client that sends the requests.
    var client: RancherClient { get }
    /// The collection's path as the docs give it, e.g. `/v2-beta/projects/${PROJECT_ID}/services`.
    static var collectionPath: String { get }
}

extension ResourceCollectionClient {
    /// The path of one resource of the collection.
    static var itemPath: String { collectionPath + "/${ID}" }

    /// Lists one page of the collection.
    /// - Parameter options: filters, sort order, page size, the marker of the page to start at, and links to include.
    public func list(_ options: ListOptions = ListOptions()) async throws -> Page<Model> {
        try await client.page(APIRequest(method: "GET", path: Self.collectionPath, query: options.queryItems), of: Model.self)
    }

    /// Every resource of the collection, fetching page after page as the sequence is iterated.
    /// - Parameter options: filters, sort order, page size and links to include.
    public func all(_ options: ListOptions = ListOptions()) -> PageSequence<Model> {
        PageSequence(client: client, firstPage: APIRequest(method: "GET", path: Self.collectionPath, query: options.queryItems))
    }

    /// Fetches one resource.
    /// - Parameters:
    ///   - id: its identifier.
    ///   - include: links whose resources the server embeds in the answer (`instances`, …); read them
    ///     with `included(_:as:)`.
    /// - Throws: `RancherError.notFound` when there is no resource with this ID.
    public func get(id: ResourceID<Model>, include: [String] = []) async throws -> Model {
        try await client.send(
            APIRequest(method: "GET", path: Self.itemPath, id: id.rawValue, query: include.map { URLQueryItem(name: "include", value: $0) }),
            decoding: Model.self)
    }

    /// Polls the resource until it is no longer transitioning, and returns it as it then is; `policy` (the
    /// client configuration's `waitPolicy` when `nil`) sets the pauses and the deadline.
    ///
    /// - Throws: `RancherError.transitionFailed` with the server's `transitioningMessage` when the transition
    ///   fails, `RancherError.timedOut` when `policy.timeout` passes first, `CancellationError` when the task is
    ///   cancelled.
    @discardableResult
    public func waitUntilSettled(id: ResourceID<Model>, policy: WaitPolicy? = nil) async throws -> Model {
        try await client.waitUntilSettled(Self.itemPath, id: id, policy: policy)
    }

    /// Polls `resource` until it is no longer transitioning, and returns it as it then is.
    @discardableResult
    public func wait(for resource: Model, policy: WaitPolicy? = nil) async throws -> Model {
        try await waitUntilSettled(id: resource.requireID(), policy: policy)
    }

    /// Polls the resource until the server reports it removed (or no longer knows it).
    public func waitUntilRemoved(id: ResourceID<Model>, policy: WaitPolicy? = nil) async throws {
        try await client.waitUntilRemoved(Self.itemPath, id: id, policy: policy)
    }
}
