// RancherRuntime: lossless `Codable` for the runtime's own types (pages, versions,
// schemas); the models keep their whole JSON object instead (`RancherModel`).

/// A JSON object key: one key type for every runtime type, instead of a `CodingKeys` enum each.
struct FieldKey: CodingKey, Sendable {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: StaticString) { stringValue = name.description }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Reads a type's fields from its JSON object and keeps what no field holds, so that nothing the server
/// sent is lost: every key the type does not know, and every known key sent as `null` (an absent key and a
/// `null` one both decode to `nil`, but only one of them is written back).
///
/// It counts the keys the fields found; when that is every key of the object, the usual case for a server
/// as old as its docs, `additionalFields(known:)` returns without looking at a key again.
/// Not copyable: it is only ever used in place, and copies cost each user outlined copy and destroy code.
struct FieldDecoder: ~Copyable {
    private let container: KeyedDecodingContainer<FieldKey>
    private var keysFound = 0
    private var nulls: [String: JSONValue] = [:]

    init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: FieldKey.self)
    }

    /// The value under `name`; `nil` when the key is absent or `null`.
    mutating func decode<Value: Decodable>(_ name: StaticString) throws -> Value? {
        let key = FieldKey(name)
        if let value = try container.decodeIfPresent(Value.self, forKey: key) {
            keysFound += 1
            return value
        }
        if container.contains(key) {
            keysFound += 1
            nulls[key.stringValue] = .null
        }
        return nil
    }

    /// The value under `name`, which must be there and not `null`.
    mutating func decodeRequired<Value: Decodable>(_ name: StaticString) throws -> Value {
        let value = try container.decode(Value.self, forKey: FieldKey(name))
        keysFound += 1
        return value
    }

    /// The keys of `known` sent as `null`, and every key not in `known` with its value.
    func additionalFields(known: Set<String>) throws -> [String: JSONValue] {
        let keys = container.allKeys
        guard keys.count != keysFound else { return nulls }
        var fields = nulls
        for key in keys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return fields
    }
}

extension KeyedEncodingContainer where Key == FieldKey {
    /// Writes `value` under `name`; a `nil` value writes nothing.
    mutating func encodeField<Value: Encodable>(_ value: Value?, _ name: StaticString) throws {
        try encodeIfPresent(value, forKey: FieldKey(name))
    }
}

extension KeyedEncodingContainer where Key == FieldKey {
    /// Writes the additional keys. Models call it before encoding their properties, so a property that was
    /// set after decoding replaces a `null` kept for its key.
    mutating func encodeAdditionalFields(_ fields: [String: JSONValue]) throws {
        for (key, value) in fields {
            try encode(value, forKey: FieldKey(stringValue: key))
        }
    }
}
