// RancherRuntime: typed resource identifiers.

import Foundation

/// The ID of a `Resource`, e.g. `Service.ID` (`ResourceID<Service>`).
///
/// The phantom type parameter keeps IDs of different resources apart at compile
/// time; on the wire the ID is a plain JSON string.
public struct ResourceID<Resource>: RawRepresentable, Codable, Sendable, Hashable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The ID as Rancher sends it, e.g. `1h5`.
    public var rawValue: String

    /// Wraps an ID string.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps an ID string.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an ID from a string literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Decodes an ID from a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the ID as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The raw ID.
    public var description: String { rawValue }
}
