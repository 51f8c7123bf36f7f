// RancherRuntime: request descriptions and URL building.

import Foundation

/// One API call as the generated resource methods describe it.
///
/// `path` is the path from the API docs, e.g.
/// `/v2-beta/projects/${PROJECT_ID}/hosts/${ID}?action=activate`. The client
/// substitutes `${PROJECT_ID}` and `${ID}` (percent-encoded as one path segment
/// each), keeps a literal query such as `?action=activate`, then appends `query`.
@_spi(Generated) public struct APIRequest: Sendable {
    @_spi(Generated) public var method: String
    @_spi(Generated) public var path: String
    @_spi(Generated) public var id: String?
    @_spi(Generated) public var query: [URLQueryItem]
    @_spi(Generated) public var body: (any Encodable & Sendable)?

    @_spi(Generated) public init(
        method: String,
        path: String,
        id: String? = nil,
        query: [URLQueryItem] = [],
        body: (any Encodable & Sendable)? = nil
    ) {
        self.method = method
        self.path = path
        self.id = id
        self.query = query
        self.body = body
    }

    /// Builds the absolute URL of this request against a base URL of any accepted form (see `ServerEndpoint`).
    ///
    /// - Throws: `RancherError.missingProjectID` when the path needs a project ID and neither `projectID`
    ///   nor the base URL gives one; `RancherError.invalidURL` for a missing or unusable ID.
    func url(baseURL: URL, projectID: String?) throws -> URL {
        let endpoint = ServerEndpoint(baseURL: baseURL)
        return try url(endpoint: endpoint, projectID: projectID ?? endpoint.projectID)
    }

    /// Builds the absolute URL of this request on `endpoint`.
    func url(endpoint: ServerEndpoint, projectID: String?) throws -> URL {
        let docsPath: Substring
        let docsQuery: Substring?
        if let mark = path.firstIndex(of: "?") {
            docsPath = path[..<mark]
            docsQuery = path[path.index(after: mark)...]
        } else {
            docsPath = path[...]
            docsQuery = nil
        }

        let encodedPath = try docsPath.split(separator: "/", omittingEmptySubsequences: false)
            .map { try encodeSegment($0, projectID: projectID) }
            .joined(separator: "/")

        var queryPairs: [String] = []
        for pair in docsQuery?.split(separator: "&") ?? [] {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.encode(String(parts[0]))
            queryPairs.append(parts.count > 1 ? "\(name)=\(PercentEncoding.encode(String(parts[1])))" : name)
        }
        for item in query {
            let name = PercentEncoding.encode(item.name)
            queryPairs.append(item.value.map { "\(name)=\(PercentEncoding.encode($0))" } ?? name)
        }
        return try endpoint.url(path: encodedPath, query: queryPairs.isEmpty ? nil : queryPairs.joined(separator: "&"))
    }

    /// Encodes one docs path segment, substituting `${NAME}` placeholders.
    private func encodeSegment(_ segment: Substring, projectID: String?) throws -> String {
        var result = ""
        var rest = segment
        while let open = rest.range(of: "${") {
            result += PercentEncoding.encode(String(rest[..<open.lowerBound]), keeping: PercentEncoding.pathExtras)
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw RancherError.invalidURL("Unterminated placeholder in \(path).")
            }
            let name = rest[open.upperBound..<close]
            let value: String
            switch name {
            case "PROJECT_ID":
                guard let projectID else { throw RancherError.missingProjectID }
                value = projectID
            case "ID":
                guard let id else { throw RancherError.invalidURL("\(method) \(path) needs an ID.") }
                value = id
            default:
                throw RancherError.invalidURL("Unknown placeholder ${\(name)} in \(path).")
            }
            // An empty, "." or ".." ID would address a different resource after URL normalization.
            guard !value.isEmpty, value != ".", value != ".." else {
                throw RancherError.invalidURL("\"\(value)\" cannot be used as the \(name) in \(path).")
            }
            result += PercentEncoding.encode(value)
            rest = rest[rest.index(after: close)...]
        }
        return result + PercentEncoding.encode(String(rest), keeping: PercentEncoding.pathExtras)
    }
}

/// Percent-encoding for URL path segments and query components.
enum PercentEncoding {
    /// Characters besides the unreserved ones kept in literal docs path text.
    static let pathExtras: Set<UInt8> = Set(":@!$&'()*+,;=".utf8)

    /// Encodes every byte outside RFC 3986's unreserved set (`A–Z a–z 0–9 - . _ ~`)
    /// and `keeping`. Stricter than `URLComponents`, which leaves `+`, `/` and `?`
    /// in queries alone; Go servers (Rancher) decode a bare `+` as a space.
    static func encode(_ text: String, keeping extras: Set<UInt8> = []) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || extras.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += byte < 16 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return encoded
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

/// Sort direction for list calls.
public enum SortOrder: String, Sendable, Hashable {
    /// Smallest first (`order=asc`).
    case ascending = "asc"
    /// Largest first (`order=desc`).
    case descending = "desc"
}

/// Filtering, sorting and paging options for list calls.
public struct ListOptions: Sendable, Hashable {
    /// Filters by query parameter name, e.g. `["name": "web", "state_ne": "removed"]`.
    /// Keys are passed through unchanged, so Rancher's modifiers (`_ne`, `_prefix`, `_like`, …) work.
    public var filters: [String: String]
    /// The field to sort by.
    public var sort: String?
    /// The sort direction.
    public var order: SortOrder?
    /// The maximum number of items per page.
    public var limit: Int?
    /// The pagination marker to start after, from a previous page.
    public var marker: String?
    /// Links to embed in every item, e.g. `["instances"]` (the schema's `includeableLinks`); each is sent as
    /// an `include=` query item and read back with `RancherResource.included(_:as:)`.
    public var include: [String]

    /// Creates list options; the defaults ask for Rancher's default listing.
    public init(
        filters: [String: String] = [:],
        sort: String? = nil,
        order: SortOrder? = nil,
        limit: Int? = nil,
        marker: String? = nil,
        include: [String] = []
    ) {
        self.filters = filters
        self.sort = sort
        self.order = order
        self.limit = limit
        self.marker = marker
        self.include = include
    }

    /// The query items: filters sorted by key (deterministic URLs), then `sort`,
    /// `order`, `limit`, `marker`, and one `include` per link.
    var queryItems: [URLQueryItem] {
        var items = filters.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        if let sort { items.append(URLQueryItem(name: "sort", value: sort)) }
        if let order { items.append(URLQueryItem(name: "order", value: order.rawValue)) }
        if let limit { items.append(URLQueryItem(name: "limit", value: String(limit))) }
        if let marker { items.append(URLQueryItem(name: "marker", value: marker)) }
        return items + Self.includeQueryItems(include)
    }

    /// `include=<link>` query items, for a list or for a single GET (`APIRequest(…, query:)`).
    static func includeQueryItems(_ links: [String]) -> [URLQueryItem] {
        links.map { URLQueryItem(name: "include", value: $0) }
    }
}
