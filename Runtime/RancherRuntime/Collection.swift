// RancherRuntime: collections and pagination.

import Foundation

/// One page of a Rancher collection response.
///
/// Every key but `data` is kept as the server sent it in `additionalFields` (`type`, `resourceType`, `links`,
/// `createTypes`, `actions`, `sort`, `sortLinks`, `filters`, `createDefaults`, `pagination`), so a page encodes
/// back to the same JSON; `pagination` is read from there, typed.
public struct Page<Element: Decodable & Sendable>: Decodable, Sendable {
    /// The items on this page.
    public var data: [Element]
    /// Links and counts for moving between pages, when the server paginates.
    public let pagination: Pagination?
    /// Every key of the collection but `data`, as the server sent it.
    public var additionalFields: [String: JSONValue]

    /// Creates a page.
    public init(data: [Element], pagination: Pagination? = nil, additionalFields: [String: JSONValue] = [:]) {
        self.data = data
        self.pagination = pagination
        self.additionalFields = additionalFields
    }

    /// Decodes `data` as `Element`s and keeps the other keys.
    public init(from decoder: any Decoder) throws {
        var fields = try FieldDecoder(decoder)
        data = try fields.decodeRequired("data")
        additionalFields = try fields.additionalFields(known: ["data"])
        pagination = try additionalFields["pagination"].flatMap { $0 == .null ? nil : try $0.decoded(as: Pagination.self) }
    }
}

extension Page: Encodable where Element: Encodable {
    /// Encodes the page as it came: its other keys, then `data`. (`pagination` is written as it was received.)
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encodeAdditionalFields(additionalFields)
        try container.encodeField(data, "data")
    }
}

extension Page: JSONConvertible where Element: JSONConvertible {
    /// The page a collection object holds, when every element of its `data` converts.
    public init?(jsonValue: JSONValue) {
        guard case .object(var members) = jsonValue,
              let data = members.removeValue(forKey: "data").flatMap([Element].init(jsonValue:))
        else { return nil }
        var pagination: Pagination?
        if let value = members["pagination"], value != .null {
            // A page whose links cannot be read is an error, not the last page.
            guard let links = try? value.decoded(as: Pagination.self) else { return nil }
            pagination = links
        }
        self.init(data: data, pagination: pagination, additionalFields: members)
    }

    /// The collection object: its other keys as they came, and `data`.
    public var jsonValue: JSONValue {
        var members = additionalFields
        members["data"] = data.jsonValue
        return .object(members)
    }
}

/// Rancher's `pagination` object.
public struct Pagination: Codable, Sendable, Hashable {
    /// The first page.
    public var first: URL?
    /// The previous page.
    public var previous: URL?
    /// The next page; nil on the last page.
    public var next: URL?
    /// The last page.
    public var last: URL?
    /// The page size.
    public var limit: Int?
    /// The total number of items, when the server counts them.
    public var total: Int?
    /// Whether this page holds only part of the collection.
    public var partial: Bool?

    /// Creates pagination information.
    public init(
        first: URL? = nil, previous: URL? = nil, next: URL? = nil, last: URL? = nil,
        limit: Int? = nil, total: Int? = nil, partial: Bool? = nil
    ) {
        self.first = first
        self.previous = previous
        self.next = next
        self.last = last
        self.limit = limit
        self.total = total
        self.partial = partial
    }

    private enum CodingKeys: String, CodingKey {
        case first, previous, next, last, limit, total, partial
    }

    /// Decodes links leniently: an empty string means "no link", as does null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func link(_ key: CodingKeys) throws -> URL? {
            guard let text = try container.decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
            guard let url = URL(string: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "\"\(text)\" is not a URL."
                )
            }
            return url
        }
        first = try link(.first)
        previous = try link(.previous)
        next = try link(.next)
        last = try link(.last)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit)
        total = try container.decodeIfPresent(Int.self, forKey: .total)
        partial = try container.decodeIfPresent(Bool.self, forKey: .partial)
    }
}

/// All items of a collection, fetched page by page as they are iterated.
///
/// The first page comes from the request the sequence was created with; each
/// following page from the previous page's `pagination.next` link, until it is nil. A page that cannot
/// be fetched or decoded ends the iteration with its error.
///
/// ```swift
/// for try await host in client.hosts.all() { print(host.name ?? "") }
/// ```
public struct PageSequence<Element: Decodable & Sendable>: AsyncSequence, Sendable {
    private let client: RancherClient
    private let start: Cursor

    /// Where the iteration is: the request or URL of the next page, an error to throw, or the end.
    fileprivate enum Cursor: Sendable {
        case first(APIRequest)
        case next(URL)
        case failed(RancherError)
        case done
    }

    /// Creates a sequence whose first page is fetched with `firstPage`.
    init(client: RancherClient, firstPage: APIRequest) {
        self.client = client
        start = .first(firstPage)
    }

    /// Creates a sequence whose first page is at `firstPageURL`, a link the server handed out (rebased onto
    /// the configured server like `pagination.next`).
    init(client: RancherClient, firstPageURL: URL) {
        self.client = client
        start = .next(firstPageURL)
    }

    /// Creates a sequence whose iteration throws `failure`, for a call that cannot build its first request.
    init(client: RancherClient, failure: RancherError) {
        self.client = client
        start = .failed(failure)
    }

    /// Returns an iterator that starts from the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, start: start)
    }

    /// Iterates over the items of successive pages.
    public struct Iterator: AsyncIteratorProtocol {
        private let client: RancherClient
        private var cursor: Cursor
        private var buffer: [Element] = []
        private var bufferIndex = 0
        // Guards against a server whose `next` links go round in a circle.
        private var visited: Set<URL> = []

        fileprivate init(client: RancherClient, start: Cursor) {
            self.client = client
            self.cursor = start
        }

        /// Returns the next item, fetching the next page when the current one is used up.
        public mutating func next() async throws -> Element? {
            while bufferIndex == buffer.count {
                let page: Page<Element>
                switch cursor {
                case .done:
                    return nil
                case .failed(let error):
                    cursor = .done
                    throw error
                case .first(let request):
                    page = try await client.page(request, of: Element.self)
                case .next(let url):
                    guard visited.insert(url).inserted else {
                        cursor = .done
                        throw RancherError.invalidURL("Pagination loops back to \(url.absoluteString).")
                    }
                    page = try await client.page(at: url, of: Element.self)
                }
                buffer = page.data
                bufferIndex = 0
                cursor = page.pagination?.next.map(Cursor.next) ?? .done
            }
            defer { bufferIndex += 1 }
            return buffer[bufferIndex]
        }
    }
}
