// RancherRuntime: following a resource's links.

import Foundation

extension RancherClient {
    /// Fetches what a resource's link points to, e.g. a service's `stack`, decoded as `Model`.
    ///
    /// A link to another origin (Rancher behind a proxy reports its internal address) is rebased onto the
    /// configured server, as `pagination.next` links are, so the credentials never go elsewhere.
    ///
    /// ```swift
    /// let stack = try await rancher.follow("stack", of: service, as: Stack.self)
    /// ```
    /// - Parameters:
    ///   - link: The link's name in the resource's `links`.
    ///   - resource: A resource read from the server.
    ///   - type: What the link returns.
    ///   - include: Links to embed in the result (`include=`).
    /// - Throws: `RancherError.missingLink` when the resource has no such link, or any error of a request.
    public func follow<Model: Decodable & Sendable>(
        _ link: String, of resource: some RancherResource, as type: Model.Type = Model.self, include: [String] = []
    ) async throws -> Model {
        let url = try linkURL(link, of: resource, query: ListOptions.includeQueryItems(include))
        let response = try await perform(method: "GET", url: endpoint.rebase(url), body: nil)
        return try Self.decode(Model.self, from: response.body)
    }

    /// Every item of the collection a resource's link points to, e.g. a service's `instances`, page after
    /// page as the sequence is iterated.
    ///
    /// ```swift
    /// for try await instance in rancher.followCollection("instances", of: service, as: Container.self) { … }
    /// ```
    /// - Parameters:
    ///   - link: The link's name in the resource's `links`.
    ///   - resource: A resource read from the server.
    ///   - type: The type of the collection's items.
    ///   - options: Filters, sort order, page size and links to include, added to the link's query.
    /// - Returns: A sequence whose iteration throws `RancherError.missingLink` when there is no such link.
    public func followCollection<Element: Decodable & Sendable>(
        _ link: String, of resource: some RancherResource, as type: Element.Type = Element.self,
        options: ListOptions = ListOptions()
    ) -> PageSequence<Element> {
        do {
            return PageSequence(client: self, firstPageURL: try linkURL(link, of: resource, query: options.queryItems))
        } catch let error as RancherError {
            return PageSequence(client: self, failure: error)
        } catch {
            return PageSequence(client: self, failure: .invalidURL("Cannot follow \(link): \(error)"))
        }
    }

    /// The URL of `link` with `query` appended to its own query.
    private func linkURL(_ link: String, of resource: some RancherResource, query: [URLQueryItem]) throws -> URL {
        let typeName = resource.type ?? type(of: resource).apiTypeName
        guard let text = resource.links?[link] else { throw RancherError.missingLink(name: link, type: typeName) }
        guard var components = URLComponents(string: text) else {
            throw RancherError.invalidURL("The \(link) link of the \(typeName), \(text), is not a URL.")
        }
        if !query.isEmpty {
            let added = query.map { item in
                let name = PercentEncoding.encode(item.name)
                return item.value.map { "\(name)=\(PercentEncoding.encode($0))" } ?? name
            }
            let existing = components.percentEncodedQuery.map { [$0] } ?? []
            components.percentEncodedQuery = (existing + added).joined(separator: "&")
        }
        guard let url = components.url else {
            throw RancherError.invalidURL("The \(link) link of the \(typeName), \(text), is not a URL.")
        }
        return url
    }
}
