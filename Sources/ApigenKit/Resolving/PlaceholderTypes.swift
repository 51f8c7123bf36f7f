/// The type a JSON example value stands for. The generator wrote placeholders: `"string"`, `0`,
/// `false`, `["string1","...stringN"]`, `{"key":"value-pairs"}` (a map, read as `map[json]`), `"reference[x]"`,
/// `"date"`, …;
/// other values are real defaults (`"managed"`, `2000`, `true`) and give their JSON type.
enum PlaceholderTypes {
    static func type(of value: OrderedJSON) -> TypeRef {
        switch value {
        case .string(let text):
            if let grammar = try? TypeGrammar.parse(text), isPlaceholder(grammar) { return grammar }
            return .scalar(.string)
        case .number(let literal):
            return literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? .scalar(.float) : .scalar(.int)
        case .bool:
            return .scalar(.boolean)
        case .null:
            return .scalar(.json)
        case .array(let elements):
            guard let first = elements.first else { return .array(.scalar(.json)) }
            return .array(type(of: first))
        case .object(let members):
            // The docs generator prints this one placeholder for `map[string]` and `map[json]` alike, and a
            // server's `map[json]` holds nested objects (the IPsec driver's `cniConfig`): only JSON loses nothing.
            if members.count == 1, members[0].key == "key", members[0].value == .string("value-pairs") {
                return .map(.scalar(.json))
            }
            return .scalar(.json)
        }
    }

    /// `"string"` is a placeholder, `"managed"` a real default: only grammar words and composites count.
    static func isPlaceholder(_ type: TypeRef) -> Bool {
        switch type {
        case .scalar, .reference, .array, .map: true
        case .named: false
        }
    }

    /// A placeholder that decides a link: `"reference[x]"`, `"array[x]"`, `"map[reference[x]]"`,
    /// `"password"`, or an embedded object.
    static func linkDecision(from value: OrderedJSON) -> TypeRef? {
        switch value {
        case .object: return .named("")
        case .array(let elements):
            if case .object = elements.first { return .array(.named("")) }
            return nil
        case .string(let text):
            guard let type = try? TypeGrammar.parse(text) else { return nil }
            switch type.innermost {
            case .reference, .named, .scalar(.password): return type
            default: return nil
            }
        default:
            return nil
        }
    }
}
