// RancherRuntime: what the server says about itself: API versions and schemas.

import Foundation

/// An API version the server offers (`v1`, `v2-beta`), with links to its collections.
public struct APIVersion: Codable, Sendable, Hashable {
    /// The version's name, e.g. `v2-beta`.
    public var id: String
    /// Always `apiVersion`.
    public var type: String?
    /// The version's URLs: `self`, `schemas`, and one per top-level collection.
    public var links: [String: String]?
    /// The version's actions (normally none).
    public var actions: [String: String]?
    /// Every other key the server sent, and listed keys sent as `null`.
    public var additionalFields: [String: JSONValue]

    /// Creates a version description.
    public init(
        id: String, type: String? = "apiVersion", links: [String: String]? = nil, actions: [String: String]? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.type = type
        self.links = links
        self.actions = actions
        self.additionalFields = additionalFields
    }

    /// Decodes a version; unknown keys go to `additionalFields`.
    public init(from decoder: any Decoder) throws {
        var fields = try FieldDecoder(decoder)
        id = try fields.decodeRequired("id")
        type = try fields.decode("type")
        links = try fields.decode("links")
        actions = try fields.decode("actions")
        additionalFields = try fields.additionalFields(known: ["id", "type", "links", "actions"])
    }

    /// Encodes the version with its additional keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encodeAdditionalFields(additionalFields)
        try container.encodeField(id, "id")
        try container.encodeField(type, "type")
        try container.encodeField(links, "links")
        try container.encodeField(actions, "actions")
    }
}

extension RancherClient {
    /// The API versions the server offers: `GET /` on the server root.
    public func apiVersions() async throws -> [APIVersion] {
        try await collect(PageSequence<APIVersion>(client: self, firstPage: APIRequest(method: "GET", path: "/")))
    }

    /// One API version with its links: `GET /<name>`.
    /// - Parameter name: The version, e.g. `v2-beta`.
    public func apiVersion(_ name: String) async throws -> APIVersion {
        // `${ID}` makes the name one percent-encoded path segment.
        try await send(APIRequest(method: "GET", path: "/${ID}", id: name), decoding: APIVersion.self)
    }

    /// Every schema of an API version, from all pages: `GET /<version>/schemas`.
    ///
    /// The server answers with the types visible to this API key (and project, through `X-API-Project-Id`).
    /// - Parameter version: The API version; when `nil`, the one in the base URL (a generated SDK names the one
    ///   its docs describe as `RancherClient.documentedAPIVersion`).
    /// - Throws: `RancherError.invalidURL` when `version` is `nil` and the base URL names no version.
    public func schemas(version: String? = nil) async throws -> [Schema] {
        guard let version = version ?? endpoint.apiVersion else {
            throw RancherError.invalidURL("\(baseURL) names no API version: call schemas(version:)")
        }
        return try await collect(PageSequence<Schema>(
            client: self, firstPage: APIRequest(method: "GET", path: "/${ID}/schemas", id: version)))
    }

    private func collect<Element>(_ sequence: PageSequence<Element>) async throws -> [Element] {
        var elements: [Element] = []
        for try await element in sequence {
            elements.append(element)
        }
        return elements
    }
}
