// RancherRuntime: the API client.

import Foundation

/// A client for one Rancher server, authenticated with an API key pair.
///
/// The generated resource methods are extensions of this type. Credentials are sent as HTTP basic
/// authentication, only to the configured server (redirects elsewhere are refused, foreign links rebased),
/// and are never shown by `description`, `debugDescription` or `dump`.
public struct RancherClient: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The base URL as given: the server root (`https://rancher.example.com`), a proxy prefix
    /// (`https://example.com/rancher`), an API version (`…/v2-beta`) or an environment endpoint
    /// (`…/v2-beta/projects/1a5`). Docs paths (`/v2-beta/…`) go after its root, never repeating a segment.
    public let baseURL: URL
    /// The project (environment) substituted for `${PROJECT_ID}` in paths: the one given to the initializer,
    /// else the one in the base URL.
    public let projectID: String?
    /// Timeouts, retries, waits and the observer.
    public let configuration: Configuration

    let endpoint: ServerEndpoint
    private let credentials: BasicCredentials
    let transport: any HTTPTransport

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: The server, in any form `baseURL` describes.
    ///   - accessKey: The API access key (the basic-auth user name).
    ///   - secretKey: The API secret key (the basic-auth password).
    ///   - projectID: The project used for paths that contain `${PROJECT_ID}`; when `nil`, the project in
    ///     the base URL (`…/projects/1a5`), if any.
    ///   - configuration: Timeouts, retries, waits and the observer.
    ///   - transport: How requests are sent; `URLSessionTransport.shared` by default.
    public init(
        baseURL: URL,
        accessKey: String,
        secretKey: String,
        projectID: String? = nil,
        configuration: Configuration = .default,
        transport: any HTTPTransport = URLSessionTransport.shared
    ) {
        self.baseURL = baseURL
        endpoint = ServerEndpoint(baseURL: baseURL)
        self.projectID = projectID ?? endpoint.projectID
        self.configuration = configuration
        self.credentials = BasicCredentials(accessKey: accessKey, secretKey: secretKey)
        self.transport = transport
    }

    /// A summary without credentials.
    public var description: String {
        "RancherClient(baseURL: \(Self.redacting(baseURL)), projectID: \(projectID ?? "nil"))"
    }

    /// A summary without credentials, naming the transport.
    public var debugDescription: String {
        "RancherClient(baseURL: \(Self.redacting(baseURL)), projectID: \(projectID ?? "nil"), "
            + "transport: \(type(of: transport)))"
    }

    /// The `Authorization` header value.
    var authorization: String { credentials.headerValue }

    // MARK: - Calls used by the generated code

    /// Sends `request` and decodes the response body as `Response`.
    @_spi(Generated) public func send<Response: Decodable & Sendable>(_ request: APIRequest, decoding: Response.Type) async throws -> Response {
        let response = try await perform(request)
        return try Self.decode(Response.self, from: response.body)
    }

    /// Sends `request` and decodes the response body as `Response`, or returns `nil` when a successful
    /// response has no body (a `DELETE` answered 204, say).
    @_spi(Generated) public func sendAllowingEmptyBody<Response: Decodable & Sendable>(
        _ request: APIRequest, decoding: Response.Type
    ) async throws -> Response? {
        let response = try await perform(request)
        guard response.body.contains(where: { !Self.isJSONWhitespace($0) }) else { return nil }
        return try Self.decode(Response.self, from: response.body)
    }

    /// Sends `request` and ignores the response body.
    @_spi(Generated) public func send(_ request: APIRequest) async throws {
        _ = try await perform(request)
    }

    /// Fetches one page of a collection.
    @_spi(Generated) public func page<Element>(_ request: APIRequest, of: Element.Type) async throws -> Page<Element> {
        try await send(request, decoding: Page<Element>.self)
    }

    /// Fetches the page at `url`, a `pagination.next` link from a previous page. A link to another origin
    /// is rebased onto the configured server (see `ServerEndpoint.rebase`).
    func page<Element>(at url: URL, of: Element.Type) async throws -> Page<Element> {
        let response = try await perform(method: "GET", url: endpoint.rebase(url), body: nil)
        return try Self.decode(Page<Element>.self, from: response.body)
    }

    /// Decodes a successful response body; any failure becomes `RancherError.decoding` with the type, the
    /// coding path and the start of the body.
    static func decode<Response: Decodable>(_ type: Response.Type, from body: Data) throws -> Response {
        do {
            // Models, and pages and arrays of them, are built over the parsed JSON (see `RancherModel`).
            if Response.self is any JSONConvertible.Type {
                return try JSONValue(parsing: body).decoded(as: Response.self)
            }
            return try RancherCoding.makeDecoder().decode(Response.self, from: body)
        } catch {
            throw RancherError.decoding(DecodingFailure(decoding: Response.self, from: body, underlying: error))
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The URL text without any user info, in case someone put credentials in it.
    private static func redacting(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
              components.user != nil || components.password != nil
        else { return url.absoluteString }
        components.user = nil
        components.password = nil
        return components.string ?? "<invalid URL>"
    }
}

extension RancherClient: CustomReflectable {
    /// A mirror without credentials, so `dump(client)` is safe.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["baseURL": Self.redacting(baseURL), "projectID": projectID as Any],
            displayStyle: .struct
        )
    }
}

/// The precomputed basic-auth header; redacted wherever it could be printed.
private struct BasicCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let headerValue: String

    init(accessKey: String, secretKey: String) {
        headerValue = "Basic " + Data("\(accessKey):\(secretKey)".utf8).base64EncodedString()
    }

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}
