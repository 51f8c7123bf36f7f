// RancherRuntime: models as JSON objects read through typed properties.

import Foundation

/// A JSON object read and changed through typed properties: what models and request bodies share.
///
/// Each property reads its member and converts it to the documented Swift type when read, and writes it
/// back as JSON when set; `jsonObject` holds every member. So nothing the server sends is lost: keys the
/// documentation never lists, `null`s, and values of another type than documented stay in the object and
/// are sent back as they came. A member whose JSON does not have the documented type reads as `nil`
/// instead of failing the whole response (the docs are often wrong about types; the server is not).
///
/// Why the object and not stored properties: a model of 120 fields with stored properties needs as many
/// lines to decode, encode, compare and copy it, which made up most of the SDK's build time, and decoding
/// through `Decoder` containers cost twice what parsing the JSON does.
public protocol JSONObjectValue: Encodable, Hashable, Sendable {
    /// Every member of the object, as the server sent it or as the properties set it.
    var jsonObject: [String: JSONValue] { get }
    /// The JSON key of every property, with the Swift type it reads (`String`, `[PortRule]`, `LaunchConfig`).
    static var memberTypes: [String: any JSONConvertible.Type] { get }
}

extension JSONObjectValue {
    /// The members no property of this type declares, and documented members sent as `null` (an absent key
    /// and a `null` one both read as `nil`, and both are sent back as they were). A resource's standard
    /// fields (`type`, `links`, …) are here unless its page declares them; `RancherResource` reads them.
    public var additionalFields: [String: JSONValue] {
        jsonObject.additionalFields(memberTypes: Self.memberTypes)
    }

    /// Encodes the object, every member as it is.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(jsonObject)
    }

    /// Whether the two objects are the same JSON (numbers compare by value; a date's spelling counts).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.jsonObject == rhs.jsonObject }

    /// Hashes the object, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(jsonObject) }
}

/// A model of the API: the JSON object the server sent, whole, read through typed properties
/// (see ``JSONObjectValue``), and decoded from any JSON object.
public protocol RancherModel: JSONObjectValue, JSONConvertible, Decodable {
    /// A value over the members of a JSON object; nothing is checked until a property is read.
    init(jsonObject: [String: JSONValue])
}

extension RancherModel {
    /// The value over an object; `nil` for any other JSON.
    public init?(jsonValue: JSONValue) {
        guard case .object(let members) = jsonValue else { return nil }
        self.init(jsonObject: members)
    }

    /// The object.
    public var jsonValue: JSONValue { .object(jsonObject) }

    /// The members whose JSON does not have the type of their property (which reads them as `nil`), at any
    /// depth: what the server sends that the documentation types otherwise. Empty when the docs are right.
    /// A resource's standard fields are checked too (`RancherResource`), but for `links` and `actions`,
    /// which are read leniently.
    public func typeMismatches() -> [TypeMismatch] {
        Self.typeMismatches(in: jsonValue, at: "")
    }

    /// The mismatches of each documented member that is not `null`, by path (`launchConfig.ports[0]`).
    public static func typeMismatches(in value: JSONValue, at path: String) -> [TypeMismatch] {
        guard case .object(let members) = value else { return [TypeMismatch(path: path, expectedType: Self.self, found: value)] }
        let standard = Self.self is any RancherResource.Type ? ResourceStandardFields.memberTypes : [:]
        var mismatches: [TypeMismatch] = []
        for (key, member) in members where member != .null {
            guard let type = memberTypes[key] ?? standard[key] else { continue }
            mismatches += type.typeMismatches(in: member, at: path.isEmpty ? key : "\(path).\(key)")
        }
        return mismatches.sorted { $0.path < $1.path }
    }

    /// Decodes any JSON object. `RancherClient` does not come this way: it parses a body once
    /// (`JSONValue(parsing:)`) and builds models over its objects, several times faster.
    public init(from decoder: any Decoder) throws {
        self.init(jsonObject: try decoder.singleValueContainer().decode([String: JSONValue].self))
    }
}

/// A value a model's member holds, and how it is spelled in JSON.
public protocol JSONConvertible: Sendable {
    /// The value a JSON value stands for; `nil` when the JSON has another type.
    init?(jsonValue: JSONValue)
    /// The value as JSON.
    var jsonValue: JSONValue { get }
    /// Where `value`, found at `path`, is not JSON of this type: at `path`, or deeper for containers and models.
    static func typeMismatches(in value: JSONValue, at path: String) -> [TypeMismatch]
}

extension JSONConvertible {
    /// `value` itself, when it does not convert.
    public static func typeMismatches(in value: JSONValue, at path: String) -> [TypeMismatch] {
        Self(jsonValue: value) == nil ? [TypeMismatch(path: path, expectedType: Self.self, found: value)] : []
    }
}

/// A member whose JSON does not have the type its property reads.
public struct TypeMismatch: Hashable, Sendable, CustomStringConvertible {
    /// Where the member is, from the model: `scale`, `launchConfig.ports[0]`, `labels.tier`.
    public var path: String
    /// The Swift type its property reads, e.g. `Int` or `Array<String>`.
    public var expectedType: String
    /// What the JSON holds instead: `a string`, `an object`, ….
    public var found: String

    /// A mismatch of `value` with `expectedType`.
    init(path: String, expectedType: Any.Type, found value: JSONValue) {
        self.path = path
        self.expectedType = String(describing: expectedType)
        self.found = value.kindDescription
    }

    public var description: String { "\(path): expected \(expectedType), found \(found)" }
}

extension String: JSONConvertible {
    public init?(jsonValue: JSONValue) {
        guard case .string(let value) = jsonValue else { return nil }
        self = value
    }
    public var jsonValue: JSONValue { .string(self) }
}

extension Int: JSONConvertible {
    /// An integer, or a number with no fraction that fits.
    public init?(jsonValue: JSONValue) {
        switch jsonValue {
        case .integer(let value): guard let exact = Int(exactly: value) else { return nil }; self = exact
        case .number(let value): guard let exact = Int(exactly: value) else { return nil }; self = exact
        default: return nil
        }
    }
    public var jsonValue: JSONValue { .integer(Int64(self)) }
}

extension Double: JSONConvertible {
    /// Any number.
    public init?(jsonValue: JSONValue) {
        guard let value = jsonValue.doubleValue else { return nil }
        self = value
    }
    public var jsonValue: JSONValue { .number(self) }
}

extension Bool: JSONConvertible {
    public init?(jsonValue: JSONValue) {
        guard case .bool(let value) = jsonValue else { return nil }
        self = value
    }
    public var jsonValue: JSONValue { .bool(self) }
}

extension Date: JSONConvertible {
    /// An ISO 8601 string, with or without fractional seconds.
    public init?(jsonValue: JSONValue) {
        guard case .string(let text) = jsonValue, let date = ISO8601Timestamp.date(from: text) else { return nil }
        self = date
    }
    /// The date in UTC, with fractional seconds only where it has them (`ISO8601Timestamp`).
    public var jsonValue: JSONValue { .string(ISO8601Timestamp.string(from: self)) }
}

extension JSONValue: JSONConvertible {
    public init?(jsonValue: JSONValue) { self = jsonValue }
    public var jsonValue: JSONValue { self }
}

extension Array: JSONConvertible where Element: JSONConvertible {
    /// An array whose every element converts.
    public init?(jsonValue: JSONValue) {
        guard case .array(let elements) = jsonValue else { return nil }
        var values: [Element] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            guard let value = Element(jsonValue: element) else { return nil }
            values.append(value)
        }
        self = values
    }
    public var jsonValue: JSONValue { .array(map(\.jsonValue)) }

    /// The elements that do not convert, by index.
    public static func typeMismatches(in value: JSONValue, at path: String) -> [TypeMismatch] {
        guard case .array(let elements) = value else { return [TypeMismatch(path: path, expectedType: Self.self, found: value)] }
        return elements.enumerated().flatMap { index, element in Element.typeMismatches(in: element, at: "\(path)[\(index)]") }
    }
}

extension Dictionary: JSONConvertible where Key == String, Value: JSONConvertible {
    /// An object whose every member converts.
    public init?(jsonValue: JSONValue) {
        guard case .object(let members) = jsonValue else { return nil }
        var values: [String: Value] = [:]
        values.reserveCapacity(members.count)
        for (key, member) in members {
            guard let value = Value(jsonValue: member) else { return nil }
            values[key] = value
        }
        self = values
    }
    public var jsonValue: JSONValue { .object(mapValues(\.jsonValue)) }

    /// The members that do not convert, by key.
    public static func typeMismatches(in value: JSONValue, at path: String) -> [TypeMismatch] {
        guard case .object(let members) = value else { return [TypeMismatch(path: path, expectedType: Self.self, found: value)] }
        return members.sorted { $0.key < $1.key }.flatMap { key, member in
            Value.typeMismatches(in: member, at: path.isEmpty ? key : "\(path).\(key)")
        }
    }
}

extension ResourceID: JSONConvertible {
    public init?(jsonValue: JSONValue) {
        guard case .string(let value) = jsonValue else { return nil }
        self.init(rawValue: value)
    }
    public var jsonValue: JSONValue { .string(rawValue) }
}

/// How the generated properties read and write their members (the generated code's SPI).
extension Dictionary where Key == String, Value == JSONValue {
    /// The member `key` as `Member`; `nil` when absent, `null` or of another JSON type. Setting `nil`
    /// removes the member.
    @_spi(Generated) public subscript<Member: JSONConvertible>(member key: String) -> Member? {
        get {
            guard let value = self[key], value != .null else { return nil }
            return Member(jsonValue: value)
        }
        set { self[key] = newValue?.jsonValue }
    }

    /// A member a request body's initializer always sets, with its own type, and nothing removes: only the
    /// body's initializer and properties change its object, and `additionalFields` never replaces a member.
    @_spi(Generated) public subscript<Member: JSONConvertible>(required key: String) -> Member {
        guard let value: Member = self[member: key] else { preconditionFailure("The required member '\(key)' is missing.") }
        return value
    }

    /// Sets the member `key` unless `value` is `nil`: an initializer's `nil` leaves an additional field of
    /// that key (a `null` to send, say) in place.
    @_spi(Generated) public mutating func insertMember<Member: JSONConvertible>(_ value: Member?, forKey key: String) {
        if let value { self[key] = value.jsonValue }
    }

    /// The members a type with these `memberTypes` has no property for, and its documented members sent as `null`.
    @_spi(Generated) public func additionalFields(memberTypes: [String: any JSONConvertible.Type]) -> [String: JSONValue] {
        filter { memberTypes[$0.key] == nil || $0.value == .null }
    }

    /// Replaces what `additionalFields(memberTypes:)` reads (unknown keys, `null`s) with `fields`; a documented
    /// member that holds a value stays.
    @_spi(Generated) public mutating func replaceAdditionalFields(with fields: [String: JSONValue], memberTypes: [String: any JSONConvertible.Type]) {
        self = filter { memberTypes[$0.key] != nil && $0.value != .null }
        merge(fields) { current, _ in current }
    }
}
