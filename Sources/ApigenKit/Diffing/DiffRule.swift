/// One entry of the rule catalogue: what kind of change it recognises, and how bad that change is.
///
/// Rules are data: the differ pairs up the elements of the two documents (types, operations, actions, fields,
/// action input fields) and hands each pair to every rule of the matching subject. A rule returns one change per
/// thing it recognises (usually zero or one; one per enum option for the option rules).
public struct DiffRule: Sendable, Identifiable {
    public let id: String
    public let level: DiffLevel
    /// One line: what changed, and why it has this level.
    public let summary: String
    let matcher: Matcher

    init(_ id: String, _ level: DiffLevel, _ summary: String, _ matcher: Matcher) {
        self.id = id
        self.level = level
        self.summary = summary
        self.matcher = matcher
    }

    /// What the rule looks at. Element pairs hold `nil` on the side where the element does not exist.
    enum Matcher: Sendable {
        case type(@Sendable (ElementPair<APIType>) -> [DiffChange])
        case operation(@Sendable (ElementPair<Operation>) -> [DiffChange])
        case action(@Sendable (ActionPair) -> [DiffChange])
        case field(@Sendable (FieldPair) -> [DiffChange])
        case inputField(@Sendable (ElementPair<Field>) -> [DiffChange])

        var subject: Subject {
            switch self {
            case .type: .type
            case .operation: .operation
            case .action: .action
            case .field: .field
            case .inputField: .inputField
            }
        }
    }

    public enum Subject: String, Sendable, Hashable, CaseIterable {
        case type, operation, action, field, inputField
    }

    public var subject: Subject { matcher.subject }
}

/// The same element in the old and the new document; at least one side exists.
struct ElementPair<Element: Sendable>: Sendable {
    var old: Element?
    var new: Element?

    /// Both sides, when the element exists in both documents.
    var both: (old: Element, new: Element)? {
        guard let old, let new else { return nil }
        return (old, new)
    }

    var isAdded: Bool { old == nil && new != nil }
    var isRemoved: Bool { old != nil && new == nil }
}

/// The Swift declarations of both documents, for the rules that judge what a Swift caller sees.
struct SwiftViews: Sendable {
    var old: SwiftDeclarations
    var new: SwiftDeclarations
}

/// An action of a type that exists in both documents, with the types around it and their Swift views.
struct ActionPair: Sendable {
    var old: Action?
    var new: Action?
    var oldType: APIType
    var newType: APIType
    var swift: SwiftViews

    var both: (old: Action, new: Action)? {
        guard let old, let new else { return nil }
        return (old, new)
    }

    var isAdded: Bool { old == nil && new != nil }
    var isRemoved: Bool { old != nil && new == nil }
}

/// A field of a type that exists in both documents, with the types around it (their kinds matter) and
/// their Swift views.
struct FieldPair: Sendable {
    var old: Field?
    var new: Field?
    var oldType: APIType
    var newType: APIType
    var swift: SwiftViews

    var both: (old: Field, new: Field)? {
        guard let old, let new else { return nil }
        return (old, new)
    }
}

/// What a matcher reports; the differ adds the rule, level, type, member and page.
struct DiffChange: Sendable, Hashable {
    var old: String?
    var new: String?
    var message: String
}

extension DiffRule {
    /// Every rule, in catalogue order (types, operations, actions, action inputs, fields, Swift).
    public static let catalogue: [DiffRule] =
        typeRules + operationRules + actionRules + inputFieldRules + fieldRules + swiftRules

    public static func rule(id: String) -> DiffRule? {
        catalogue.first { $0.id == id }
    }
}
