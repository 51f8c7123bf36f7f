// RancherRuntime: errors.

import Foundation

/// An error reported by the Rancher API in its error body, e.g.
/// `{"type":"error","status":422,"code":"MissingRequired","fieldName":"name","message":null,"detail":null}`.
public struct APIError: Error, Codable, Sendable, Hashable {
    /// The error's own ID, when the server sends one.
    public var id: String?
    /// The HTTP status code of the response that carried the error.
    public var status: Int
    /// Rancher's machine-readable error code, e.g. `NotFound`, `MissingRequired` or `ActionNotAvailable`.
    public var code: String?
    /// A human-readable message.
    public var message: String?
    /// The field a validation error (422) is about, e.g. `name`.
    public var fieldName: String?
    /// Extra detail, as the server sent it: a string, an object, or `nil` when absent or `null`.
    public var detail: JSONValue?

    /// Creates an API error.
    public init(
        id: String? = nil, status: Int, code: String? = nil, message: String? = nil, fieldName: String? = nil,
        detail: JSONValue? = nil
    ) {
        self.id = id
        self.status = status
        self.code = code
        self.message = message
        self.fieldName = fieldName
        self.detail = detail
    }

    private enum CodingKeys: String, CodingKey {
        case type, id, status, code, message, fieldName, detail
    }

    /// Decodes an error body leniently, because Rancher versions differ here: a missing status becomes 0,
    /// a numeric `id` becomes its text, and a `null` detail becomes `nil`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decodeIfPresent(JSONValue.self, forKey: .id) {
        case .string(let text)?: id = text
        case .integer(let number)?: id = String(number)
        default: id = nil
        }
        status = (try? container.decodeIfPresent(Int.self, forKey: .status)) ?? 0
        code = try? container.decodeIfPresent(String.self, forKey: .code)
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        fieldName = try? container.decodeIfPresent(String.self, forKey: .fieldName)
        let detail = try container.decodeIfPresent(JSONValue.self, forKey: .detail)
        self.detail = detail == .null ? nil : detail
    }

    /// Encodes the error as Rancher's error body (`"type":"error"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("error", forKey: .type)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(fieldName, forKey: .fieldName)
        try container.encodeIfPresent(detail, forKey: .detail)
    }
}

extension APIError: CustomStringConvertible {
    /// A one-line summary: status, code, field, message and detail.
    public var description: String {
        var text = "HTTP \(status)"
        if let code { text += " \(code)" }
        if let fieldName { text += " (field \(fieldName))" }
        if let message { text += ": \(message)" }
        switch detail {
        case nil, .string("")?: break
        case .string(let detail)?: text += " (\(detail))"
        case let detail?:
            let json = (try? RancherCoding.makeEncoder().encode(detail)).map { String(decoding: $0, as: UTF8.self) }
            text += " (\(json ?? "detail"))"
        }
        return text
    }
}

/// Why a response body could not be decoded: what was expected, where in the JSON, and how the body starts.
public struct DecodingFailure: Error, Sendable, CustomStringConvertible {
    /// The Swift type the body was decoded as, e.g. `Page<Service>`.
    public var typeName: String
    /// Where in the body decoding failed, e.g. `data[3].launchConfig.ports[0]`; empty for the top level.
    public var codingPath: String
    /// The first 200 bytes of the body, as text.
    public var bodySnippet: String
    /// The decoder's short explanation, e.g. `Expected to decode Int but found a string instead.`
    public var reason: String
    /// The decoder's own error, usually a `DecodingError`.
    public var underlying: any Error

    /// Creates a failure description.
    public init(typeName: String, codingPath: String, bodySnippet: String, reason: String, underlying: any Error) {
        self.typeName = typeName
        self.codingPath = codingPath
        self.bodySnippet = bodySnippet
        self.reason = reason
        self.underlying = underlying
    }

    /// Describes a failure to decode `body` as `type`.
    init(decoding type: Any.Type, from body: Data, underlying: any Error) {
        var path: [any CodingKey] = []
        var reason = String(describing: underlying)
        if let error = underlying as? DecodingError {
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                path = context.codingPath
                reason = context.debugDescription
            case .keyNotFound(let key, let context):
                path = context.codingPath + [key]
                reason = context.debugDescription
            @unknown default:
                break
            }
        }
        self.init(
            typeName: String(describing: type),
            codingPath: Self.readablePath(path),
            bodySnippet: String(decoding: body.prefix(200), as: UTF8.self),
            reason: reason,
            underlying: underlying
        )
    }

    /// `data[3].launchConfig.ports[0]` from a coding path.
    static func readablePath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// What failed, where, and how the body starts.
    public var description: String {
        let place = codingPath.isEmpty ? "" : " at \(codingPath)"
        let body = bodySnippet.isEmpty ? "the body is empty" : "the body starts: \(bodySnippet)"
        return "Could not decode \(typeName)\(place): \(reason) (\(body))"
    }
}

/// Errors thrown by `RancherClient`.
///
/// Statuses with their own case (401, 403, 404, 405, 409, 422) map to it whatever the body; the body fills
/// the `APIError` when it is Rancher's error body. None of the cases carries credentials, so errors are safe
/// to log. Cancellation is never wrapped: it surfaces as Swift's `CancellationError`.
public enum RancherError: Error, Sendable, CustomStringConvertible {
    /// 401: the API key pair was refused.
    case unauthorized(APIError)
    /// 403: the key has no access to this project or resource.
    case forbidden(APIError)
    /// 404: there is no such resource (or it is hidden from this key).
    case notFound(APIError)
    /// 405: the method is not allowed, e.g. deleting a resource in a state that cannot be removed.
    case methodNotAllowed(APIError)
    /// 409: the resource is busy or was changed concurrently (retried for updates and actions).
    case conflict(APIError)
    /// 422: a validation error; `code` says which (`MissingRequired`, `ActionNotAvailable`, …) and
    /// `fieldName` names the field.
    case unprocessable(APIError)
    /// Another 4xx or 5xx status with a Rancher error body, or a 2xx response whose body is an error.
    case api(APIError)
    /// A non-2xx status whose body is not a Rancher error (a proxy's HTML page, say).
    case unexpectedStatus(Int, body: Data)
    /// The request could not be sent or its response not received; the underlying error is kept.
    case transport(any Error)
    /// A successful response could not be decoded; not JSON, truncated, or of another shape.
    case decoding(DecodingFailure)
    /// The path needs `${PROJECT_ID}` but the client has no project ID.
    case missingProjectID
    /// A URL could not be built from the request.
    case invalidURL(String)
    /// A call needs the resource's ID, but the value has none (it was built locally).
    case missingID(type: String)
    /// The resource's `actions` do not list `action` in its current state; no request was sent.
    case actionNotAvailable(action: String, type: String, id: String, state: String?, available: [String])
    /// The resource has no link named `name`.
    case missingLink(name: String, type: String)
    /// A wait saw the resource's transition fail (`transitioning` is `error`).
    case transitionFailed(type: String, id: String, message: String?)
    /// A wait ran out of time before the resource settled.
    case timedOut(type: String, id: String, after: Duration)
    /// The server redirected to another origin (or from HTTPS to HTTP); the request was not repeated there,
    /// so the credentials stayed with the configured server.
    case redirectRefused(from: URL, to: URL)

    /// Whether this error means the resource does not exist (HTTP 404).
    public var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }

    /// The Rancher error body, when the server sent one (or, for a status with its own case, a bare one).
    public var apiError: APIError? {
        switch self {
        case .unauthorized(let error), .forbidden(let error), .notFound(let error), .methodNotAllowed(let error),
             .conflict(let error), .unprocessable(let error), .api(let error):
            return error
        default:
            return nil
        }
    }

    /// The HTTP status of the response that caused the error, when there was one.
    public var status: Int? {
        if case .unexpectedStatus(let status, _) = self { return status }
        return apiError?.status
    }

    /// The error for an HTTP status and error body: the status's own case, or `api`.
    init(status: Int, error: APIError) {
        switch status {
        case 401: self = .unauthorized(error)
        case 403: self = .forbidden(error)
        case 404: self = .notFound(error)
        case 405: self = .methodNotAllowed(error)
        case 409: self = .conflict(error)
        case 422: self = .unprocessable(error)
        default: self = .api(error)
        }
    }

    /// Whether `status` has a case of its own.
    static func hasOwnCase(_ status: Int) -> Bool {
        [401, 403, 404, 405, 409, 422].contains(status)
    }

    /// A human-readable summary of the error.
    public var description: String {
        switch self {
        case .unauthorized(let error): return "Unauthorized (check the API key pair): \(error)"
        case .forbidden(let error): return "Forbidden: \(error)"
        case .notFound(let error): return "Not found: \(error)"
        case .methodNotAllowed(let error): return "Method not allowed: \(error)"
        case .conflict(let error): return "Conflict: \(error)"
        case .unprocessable(let error): return "Invalid request: \(error)"
        case .api(let error): return "Rancher API error: \(error)"
        case let .unexpectedStatus(status, body):
            // A short excerpt helps with proxies that answer with HTML or plain text.
            let excerpt = String(decoding: body.prefix(200), as: UTF8.self)
            return "Unexpected HTTP status \(status) (\(body.count) bytes)" + (excerpt.isEmpty ? "" : ": \(excerpt)")
        case .transport(let error):
            return "Transport error: \(error)"
        case .decoding(let failure):
            return failure.description
        case .missingProjectID:
            return "The request path needs a project ID, but the client was created without one."
        case .invalidURL(let message):
            return "Invalid URL: \(message)"
        case .missingID(let type):
            return "The \(type) has no ID; only a \(type) read from the server can be used here."
        case let .actionNotAvailable(action, type, id, state, available):
            let listed = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "Action \(action) is not available on \(type) \(id) in state \(state ?? "unknown") (available: \(listed))."
        case let .missingLink(name, type):
            return "The \(type) has no link named \(name)."
        case let .transitionFailed(type, id, message):
            return "The transition of \(type) \(id) failed" + (message.map { ": \($0)" } ?? ".")
        case let .timedOut(type, id, after):
            return "\(type) \(id) did not settle within \(after)."
        case let .redirectRefused(from, to):
            return "Refused to follow the redirect from \(Self.origin(of: from)) to \(Self.origin(of: to)): "
                + "another origin would receive the credentials."
        }
    }

    /// Scheme, host and port only: a redirect target's query might carry tokens.
    private static func origin(of url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return "<invalid URL>" }
        return "\(components.scheme ?? "?")://\(components.host ?? "?")" + (components.port.map { ":\($0)" } ?? "")
    }
}

extension RancherError: LocalizedError {
    /// The same text as `description`, so `localizedDescription` is useful too.
    public var errorDescription: String? { description }
}
