/// The IR of one docs set: what `apigen dump` prints (see `ir-format.md`).
public struct APIDocument: Codable, Sendable, Hashable {
    public static let currentIRVersion = 1

    public var irVersion: Int
    public var docsVersion: String?
    public var apiVersion: String?
    /// Every type, sorted by name.
    public var types: [APIType]
    public var diagnostics: [Diagnostic]

    public init(
        irVersion: Int = APIDocument.currentIRVersion, docsVersion: String?, apiVersion: String?,
        types: [APIType], diagnostics: [Diagnostic] = []
    ) {
        self.irVersion = irVersion
        self.docsVersion = docsVersion
        self.apiVersion = apiVersion
        self.types = types
        self.diagnostics = diagnostics
    }

    public func type(named name: String) -> APIType? {
        types.first { $0.name == name }
    }

    private enum CodingKeys: String, CodingKey {
        case irVersion, docsVersion, apiVersion, types, diagnostics
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(irVersion, forKey: .irVersion)
        try container.encode(docsVersion, forKey: .docsVersion)  // null, not absent
        try container.encode(apiVersion, forKey: .apiVersion)
        try container.encode(types, forKey: .types)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}

/// A resource or an embedded/input type.
public struct APIType: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        /// Made from the resource template: title-cased heading, may have operations and actions.
        case resource
        /// An embedded or input type.
        case type
    }

    public enum Origin: String, Codable, Sendable, Hashable {
        /// The type has its own page.
        case page
        /// Inferred from a JSON example or an action input table: no page exists.
        case example
        /// The common-fields page.
        case common
    }

    public var name: String
    public var kind: Kind
    public var origin: Origin
    /// The file it came from, relative to the docs set.
    public var source: String
    public var description: String
    public var fields: [Field]
    public var operations: [Operation]
    public var actions: [Action]

    public init(
        name: String, kind: Kind, origin: Origin, source: String, description: String = "",
        fields: [Field] = [], operations: [Operation] = [], actions: [Action] = []
    ) {
        self.name = name
        self.kind = kind
        self.origin = origin
        self.source = source
        self.description = description
        self.fields = fields
        self.operations = operations
        self.actions = actions
    }

    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }
}

/// One row of a field table.
public struct Field: Codable, Sendable, Hashable {
    public var name: String
    public var type: TypeRef
    /// In the Writeable table (or, for inferred types, could be sent).
    public var writable: Bool
    /// The Create column is `Yes` or `Optional`.
    public var create: Bool
    /// The Create (or Required) column is `Yes`.
    public var required: Bool
    /// The Update column is `Yes`.
    public var update: Bool
    /// The Default column as written; `nil` for `-` or empty.
    public var `default`: String?
    /// Enum options listed in the Notes; `nil` where none are listed.
    public var options: [String]?
    /// The Notes column as plain text.
    public var description: String

    public init(
        name: String, type: TypeRef, writable: Bool = false, create: Bool = false, required: Bool = false,
        update: Bool = false, default: String? = nil, options: [String]? = nil, description: String = ""
    ) {
        self.name = name
        self.type = type
        self.writable = writable
        self.create = create
        self.required = required
        self.update = update
        self.default = `default`
        self.options = options
        self.description = description
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, writable, create, required, update, `default`, options, description
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(writable, forKey: .writable)
        try container.encode(create, forKey: .create)
        try container.encode(required, forKey: .required)
        try container.encode(update, forKey: .update)
        try container.encode(`default`, forKey: .default)  // null, not absent
        try container.encodeIfPresent(options, forKey: .options)  // absent where none are listed
        try container.encode(description, forKey: .description)
    }
}

/// A Create, Update or Delete block of the Operations section.
public struct Operation: Codable, Sendable, Hashable {
    /// The lower-cased header: `create`, `update`, `delete`.
    public var name: String
    public var method: String
    /// Exactly as in the page, e.g. `/v2-beta/projects/${PROJECT_ID}/hosts/${ID}`.
    public var path: String

    public init(name: String, method: String, path: String) {
        self.name = name
        self.method = method
        self.path = path
    }
}

/// A block of the Actions section.
public struct Action: Codable, Sendable, Hashable {
    public var name: String
    public var method: String
    public var path: String
    /// The input type name; `nil` for "This action has no inputs".
    public var input: String?
    /// The output type name; `nil` where none is given.
    public var output: String?
    public var inputFields: [Field]

    public init(
        name: String, method: String, path: String, input: String? = nil, output: String? = nil,
        inputFields: [Field] = []
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.input = input
        self.output = output
        self.inputFields = inputFields
    }

    private enum CodingKeys: String, CodingKey {
        case name, method, path, input, output, inputFields
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(method, forKey: .method)
        try container.encode(path, forKey: .path)
        try container.encode(input, forKey: .input)  // null, not absent
        try container.encode(output, forKey: .output)
        try container.encode(inputFields, forKey: .inputFields)
    }
}
