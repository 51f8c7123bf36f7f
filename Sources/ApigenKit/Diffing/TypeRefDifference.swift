/// How far apart two field types are, seen from the JSON on the wire.
enum TypeRefDifference: Sendable, Hashable {
    case same
    /// Still a JSON string in the same place, only its documented format differs
    /// (`string`, `password`, `blob`, `date`, `enum`, a bare `reference`): `string` → `password`.
    case stringFormat
    /// The JSON value changes: another scalar kind, array/map vs not, another embedded type,
    /// or a reference to another resource (`reference[instance]` → `reference[container]`).
    case value

    init(from old: TypeRef, to new: TypeRef) {
        if old == new {
            self = .same
            return
        }
        switch (old, new) {
        case (.array(let oldElement), .array(let newElement)), (.map(let oldElement), .map(let newElement)):
            self = TypeRefDifference(from: oldElement, to: newElement)
        case (.reference(let oldTarget?), .reference(let newTarget?)) where oldTarget != newTarget:
            // An ID of one resource is not an ID of another, though both are strings.
            self = .value
        default:
            self = old.isJSONString && new.isJSONString ? .stringFormat : .value
        }
    }
}

extension TypeRef {
    /// Sent and received as a JSON string.
    var isJSONString: Bool {
        switch self {
        case .scalar(let scalar):
            switch scalar {
            case .string, .password, .blob, .date, .enum: true
            case .int, .float, .boolean, .json: false
            }
        case .reference: true
        case .array, .map, .named: false
        }
    }
}

/// The enum options one side lists and the other does not, in listing order. `nil` unless both sides list
/// options: docs that stop (or start) listing them say nothing about the values themselves.
func enumOptionDelta(old: [String]?, new: [String]?) -> (removed: [String], added: [String])? {
    guard let old, let new else { return nil }
    let oldSet = Set(old)
    let newSet = Set(new)
    return (old.filter { !newSet.contains($0) }, new.filter { !oldSet.contains($0) })
}

/// `` `name` `` for messages.
func code(_ text: String) -> String { "`\(text)`" }

/// `POST /v2-beta/projects/${PROJECT_ID}/hosts`: how operations and actions are shown as values.
func endpoint(method: String, path: String) -> String { "\(method) \(path)" }
