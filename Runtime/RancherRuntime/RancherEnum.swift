// RancherRuntime: open string enums.

import Foundation

/// A string enum that keeps values it does not know.
///
/// Rancher adds enum values between versions; a closed Swift enum would make the
/// whole response undecodable. Conforming enums have an `unknown(String)` case
/// that `init(rawValue:)` returns for unrecognized strings, e.g.
///
/// ```swift
/// enum HealthState: RancherEnum {
///     case healthy, unhealthy, unknown(String)
///     init(rawValue: String) { … }
///     var rawValue: String { … }
/// }
/// ```
public protocol RancherEnum: RawRepresentable, JSONConvertible, Codable, Sendable, Hashable where RawValue == String {
    /// Creates a value from any string; unknown strings map to the `unknown` case.
    init(rawValue: String)
}

extension RancherEnum {
    /// Decodes from a single JSON string; unknown strings are kept, never rejected.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes `rawValue` as a single JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The case for a JSON string; `nil` for any other JSON.
    public init?(jsonValue: JSONValue) {
        guard case .string(let value) = jsonValue else { return nil }
        self.init(rawValue: value)
    }

    /// `rawValue` as a JSON string.
    public var jsonValue: JSONValue { .string(rawValue) }
}
