/// A field's type in Rancher's own type grammar:
/// `string`, `int`, …, `reference[T]`, `array[T]`, `map[T]`, or a bare type name.
///
/// Its JSON form is the grammar string (`array[reference[instance]]`), as `ir-format.md` specifies.
public indirect enum TypeRef: Sendable, Hashable {
    case scalar(Scalar)
    /// `reference[T]`: the ID of a `T`. A bare, unlinked `reference` has no target.
    case reference(String?)
    case array(TypeRef)
    case map(TypeRef)
    /// A nested object type, defined by its own page or inferred from examples.
    case named(String)

    public enum Scalar: String, Sendable, Hashable, CaseIterable {
        case string, int, float, boolean, date, password, blob, json, `enum`
    }

    /// The grammar string, e.g. `map[reference[volume]]`.
    public var grammar: String {
        switch self {
        case .scalar(let scalar): scalar.rawValue
        case .reference(let target): target.map { "reference[\($0)]" } ?? "reference"
        case .array(let element): "array[\(element.grammar)]"
        case .map(let value): "map[\(value.grammar)]"
        case .named(let name): name
        }
    }

    /// The named types this type mentions, references included.
    public var mentionedTypeNames: [String] {
        switch self {
        case .scalar: []
        case .reference(let target): target.map { [$0] } ?? []
        case .array(let element), .map(let element): element.mentionedTypeNames
        case .named(let name): [name]
        }
    }

    /// The innermost type under any `array[…]`/`map[…]` wrappers.
    public var innermost: TypeRef {
        switch self {
        case .array(let element), .map(let element): element.innermost
        default: self
        }
    }

    /// The same wrappers around a different innermost type.
    public func replacingInnermost(with replacement: TypeRef) -> TypeRef {
        switch self {
        case .array(let element): .array(element.replacingInnermost(with: replacement))
        case .map(let element): .map(element.replacingInnermost(with: replacement))
        default: replacement
        }
    }
}

extension TypeRef: CustomStringConvertible {
    public var description: String { grammar }
}

extension TypeRef: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try TypeGrammar.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid type '\(text)': \(error)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(grammar)
    }
}
