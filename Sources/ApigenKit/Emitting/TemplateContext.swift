import Mustache

/// A value the templates render from: each key it answers, with what the key holds and how to read it. One
/// table serves the renderer (`child(named:)`), the check of templates against their contexts
/// (`TemplateKeyCheck`) and `apigen context`.
protocol TemplateContext: MustacheParent, Sendable {
    /// In a list, not a dictionary: a lookup compares a handful of short names, faster than hashing one, and
    /// rendering looks keys up millions of times.
    static var templateKeys: KeyValuePairs<String, TemplateKey<Self>> { get }
}

extension TemplateContext {
    func child(named name: String) -> Any? {
        for entry in Self.templateKeys where entry.key == name { return entry.value.read(self) }
        return nil
    }

    /// The keys and what they hold, without values.
    static var keyShapes: [String: TemplateValueShape] {
        Dictionary(templateKeys.map { ($0.key, $0.value.shape) }) { first, _ in first }
    }

    /// The context as JSON values, key by key (what `apigen context` prints).
    var jsonValue: JSONTree {
        var object: [String: JSONTree] = [:]
        for (name, key) in Self.templateKeys { object[name] = key.json(self) }
        return .object(object)
    }
}

/// What a key holds, as a template sees it.
enum TemplateValueShape: Sendable {
    /// Printed with `{{key}}`; may be absent.
    case text
    /// Opens `{{#key}}` sections when true.
    case flag
    /// Lines, printed one by one with `{{#key}}{{.}}{{/key}}`.
    case texts
    /// A nested context, or nothing: `{{#key}}` enters it.
    case object(any TemplateContext.Type)
    /// A list of contexts: `{{#key}}` enters each.
    case list(any TemplateContext.Type)
}

/// One key of a context type.
struct TemplateKey<Context>: Sendable {
    let shape: TemplateValueShape
    let read: @Sendable (Context) -> Any?
    let json: @Sendable (Context) -> JSONTree

    static func text(_ read: @escaping @Sendable (Context) -> String?) -> Self {
        Self(shape: .text, read: { read($0).map(TemplateText.init) }, json: { read($0).map(JSONTree.string) ?? .null })
    }

    static func flag(_ read: @escaping @Sendable (Context) -> Bool) -> Self {
        Self(shape: .flag, read: { read($0) }, json: { .bool(read($0)) })
    }

    static func texts(_ read: @escaping @Sendable (Context) -> [String]) -> Self {
        Self(shape: .texts, read: { read($0).map(TemplateText.init) }, json: { .array(read($0).map(JSONTree.string)) })
    }

    static func object<Child: TemplateContext>(_ type: Child.Type, _ read: @escaping @Sendable (Context) -> Child?) -> Self {
        Self(shape: .object(type), read: { read($0) }, json: { read($0)?.jsonValue ?? .null })
    }

    static func list<Child: TemplateContext>(_ type: Child.Type, _ read: @escaping @Sendable (Context) -> [Child]) -> Self {
        Self(shape: .list(type), read: { read($0) }, json: { .array(read($0).map(\.jsonValue)) })
    }
}

/// A text value as the renderer receives it. swift-mustache prints a plain `String` after failed casts to a
/// lambda and an optional and through `String(describing:)`; a `MustacheCustomRenderable` is printed as it is
/// (a sixth less rendering for the v1.6/v2-beta SDK). Transforms, sections and escaping treat it as the string,
/// and it has no keys of its own, as a string has none. One difference: a dynamic partial (`{{>*key}}`) takes its
/// name from a `String` only, which `params` values are; no context text names a template (overrides must use
/// the built-in names, and no type, field or doc text is one).
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Comparable, Sendable {
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? { text.transform(name) }

    /// Nothing: without it swift-mustache would reflect on the wrapper and find `text`.
    func child(named name: String) -> Any? { nil }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.text < rhs.text }
}

/// JSON as `apigen context` prints it.
indirect enum JSONTree: Sendable, Hashable, Encodable {
    case null
    case bool(Bool)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let values): try container.encode(values)
        }
    }
}
