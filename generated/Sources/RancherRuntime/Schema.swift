// RancherRuntime: the server's own description of its types (`/v2-beta/schemas`).
//
// Every model keeps the keys it has no property for in `additionalFields` and writes them back, so a
// newer server's schema survives decoding and encoding whole.

import Foundation

/// A type as the server describes it: its fields, methods, actions, filters and includable links.
public struct Schema: Codable, Sendable, Hashable {
    /// The type's name, e.g. `service`.
    public var id: String
    /// Always `schema`.
    public var type: String?
    /// The type this one extends, e.g. `service` for `loadBalancerService` (`schema` at the top).
    public var baseType: String?
    /// The collection's name in URLs, e.g. `services`.
    public var pluralName: String?
    /// The fields of a resource, by name.
    public var resourceFields: [String: SchemaField]?
    /// The HTTP methods a resource accepts, e.g. `["GET", "PUT", "DELETE"]`.
    public var resourceMethods: [String]?
    /// The HTTP methods the collection accepts, e.g. `["GET", "POST"]`.
    public var collectionMethods: [String]?
    /// The actions on a resource, by name.
    public var resourceActions: [String: SchemaAction]?
    /// The actions on the collection, by name.
    public var collectionActions: [String: SchemaAction]?
    /// The fields the collection can be filtered on, by name.
    public var collectionFilters: [String: SchemaFilter]?
    /// The links a list or GET can embed with `include=`.
    public var includeableLinks: [String]?
    /// `self` and `collection` URLs.
    public var links: [String: String]?
    /// The schema's own actions (normally none).
    public var actions: [String: String]?
    /// Every other key the server sent, and listed keys sent as `null`.
    public var additionalFields: [String: JSONValue]

    /// Creates a schema.
    public init(
        id: String, type: String? = "schema", baseType: String? = nil, pluralName: String? = nil,
        resourceFields: [String: SchemaField]? = nil, resourceMethods: [String]? = nil, collectionMethods: [String]? = nil,
        resourceActions: [String: SchemaAction]? = nil, collectionActions: [String: SchemaAction]? = nil,
        collectionFilters: [String: SchemaFilter]? = nil, includeableLinks: [String]? = nil,
        links: [String: String]? = nil, actions: [String: String]? = nil, additionalFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.type = type
        self.baseType = baseType
        self.pluralName = pluralName
        self.resourceFields = resourceFields
        self.resourceMethods = resourceMethods
        self.collectionMethods = collectionMethods
        self.resourceActions = resourceActions
        self.collectionActions = collectionActions
        self.collectionFilters = collectionFilters
        self.includeableLinks = includeableLinks
        self.links = links
        self.actions = actions
        self.additionalFields = additionalFields
    }

    private static let knownKeys: Set<String> = [
        "id", "type", "baseType", "pluralName", "resourceFields", "resourceMethods", "collectionMethods",
        "resourceActions", "collectionActions", "collectionFilters", "includeableLinks", "links", "actions",
    ]

    /// Decodes a schema; unknown keys go to `additionalFields`.
    public init(from decoder: any Decoder) throws {
        var fields = try FieldDecoder(decoder)
        id = try fields.decodeRequired("id")
        type = try fields.decode("type")
        baseType = try fields.decode("baseType")
        pluralName = try fields.decode("pluralName")
        resourceFields = try fields.decode("resourceFields")
        resourceMethods = try fields.decode("resourceMethods")
        collectionMethods = try fields.decode("collectionMethods")
        resourceActions = try fields.decode("resourceActions")
        collectionActions = try fields.decode("collectionActions")
        collectionFilters = try fields.decode("collectionFilters")
        includeableLinks = try fields.decode("includeableLinks")
        links = try fields.decode("links")
        actions = try fields.decode("actions")
        additionalFields = try fields.additionalFields(known: Self.knownKeys)
    }

    /// Encodes the schema with its additional keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encodeAdditionalFields(additionalFields)
        try container.encodeField(id, "id")
        try container.encodeField(type, "type")
        try container.encodeField(baseType, "baseType")
        try container.encodeField(pluralName, "pluralName")
        try container.encodeField(resourceFields, "resourceFields")
        try container.encodeField(resourceMethods, "resourceMethods")
        try container.encodeField(collectionMethods, "collectionMethods")
        try container.encodeField(resourceActions, "resourceActions")
        try container.encodeField(collectionActions, "collectionActions")
        try container.encodeField(collectionFilters, "collectionFilters")
        try container.encodeField(includeableLinks, "includeableLinks")
        try container.encodeField(links, "links")
        try container.encodeField(actions, "actions")
    }
}

/// One field of a schema: its type and the rules the server checks.
public struct SchemaField: Codable, Sendable, Hashable {
    /// The field's type in the API's grammar, e.g. `string`, `int`, `reference[stack]`, `array[port]`, `enum`.
    public var type: String?
    /// Whether a create request may set it.
    public var create: Bool?
    /// Whether an update request may change it.
    public var update: Bool?
    /// Whether a create request must set it.
    public var required: Bool?
    /// Whether it may be `null`.
    public var nullable: Bool?
    /// Whether its value must be unique.
    public var unique: Bool?
    /// The value used when a create request leaves it out.
    public var `default`: JSONValue?
    /// The allowed values of an `enum` field.
    public var options: [String]?
    /// What the field means.
    public var description: String?
    /// The shortest allowed string.
    public var minLength: Int64?
    /// The longest allowed string.
    public var maxLength: Int64?
    /// The smallest allowed number.
    public var min: Int64?
    /// The largest allowed number.
    public var max: Int64?
    /// The characters allowed in a string, as a character class body (e.g. `a-zA-Z0-9-`).
    public var validChars: String?
    /// The characters refused in a string.
    public var invalidChars: String?
    /// Every other key the server sent, and listed keys sent as `null`.
    public var additionalFields: [String: JSONValue]

    /// Creates a field description.
    public init(
        type: String? = nil, create: Bool? = nil, update: Bool? = nil, required: Bool? = nil, nullable: Bool? = nil,
        unique: Bool? = nil, default: JSONValue? = nil, options: [String]? = nil, description: String? = nil,
        minLength: Int64? = nil, maxLength: Int64? = nil, min: Int64? = nil, max: Int64? = nil,
        validChars: String? = nil, invalidChars: String? = nil, additionalFields: [String: JSONValue] = [:]
    ) {
        self.type = type
        self.create = create
        self.update = update
        self.required = required
        self.nullable = nullable
        self.unique = unique
        self.default = `default`
        self.options = options
        self.description = description
        self.minLength = minLength
        self.maxLength = maxLength
        self.min = min
        self.max = max
        self.validChars = validChars
        self.invalidChars = invalidChars
        self.additionalFields = additionalFields
    }

    private static let knownKeys: Set<String> = [
        "type", "create", "update", "required", "nullable", "unique", "default", "options", "description",
        "minLength", "maxLength", "min", "max", "validChars", "invalidChars",
    ]

    /// Decodes a field description; unknown keys (`readOnCreateOnly`, `transform`, …) go to `additionalFields`.
    public init(from decoder: any Decoder) throws {
        var fields = try FieldDecoder(decoder)
        type = try fields.decode("type")
        create = try fields.decode("create")
        update = try fields.decode("update")
        required = try fields.decode("required")
        nullable = try fields.decode("nullable")
        unique = try fields.decode("unique")
        `default` = try fields.decode("default")
        options = try fields.decode("options")
        description = try fields.decode("description")
        minLength = try fields.decode("minLength")
        maxLength = try fields.decode("maxLength")
        min = try fields.decode("min")
        max = try fields.decode("max")
        validChars = try fields.decode("validChars")
        invalidChars = try fields.decode("invalidChars")
        additionalFields = try fields.additionalFields(known: Self.knownKeys)
    }

    /// Encodes the field description with its additional keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encodeAdditionalFields(additionalFields)
        try container.encodeField(type, "type")
        try container.encodeField(create, "create")
        try container.encodeField(update, "update")
        try container.encodeField(required, "required")
        try container.encodeField(nullable, "nullable")
        try container.encodeField(unique, "unique")
        try container.encodeField(`default`, "default")
        try container.encodeField(options, "options")
        try container.encodeField(description, "description")
        try container.encodeField(minLength, "minLength")
        try container.encodeField(maxLength, "maxLength")
        try container.encodeField(min, "min")
        try container.encodeField(max, "max")
        try container.encodeField(validChars, "validChars")
        try container.encodeField(invalidChars, "invalidChars")
    }
}

/// An action of a schema: the types of its input and output.
public struct SchemaAction: Codable, Sendable, Hashable {
    /// The input's type, or `nil` when the action takes none.
    public var input: String?
    /// The output's type.
    public var output: String?
    /// Every other key the server sent, and listed keys sent as `null`.
    public var additionalFields: [String: JSONValue]

    /// Creates an action description.
    public init(input: String? = nil, output: String? = nil, additionalFields: [String: JSONValue] = [:]) {
        self.input = input
        self.output = output
        self.additionalFields = additionalFields
    }

    /// Decodes an action description; unknown keys go to `additionalFields`.
    public init(from decoder: any Decoder) throws {
        var fields = try FieldDecoder(decoder)
        input = try fields.decode("input")
        output = try fields.decode("output")
        additionalFields = try fields.additionalFields(known: ["input", "output"])
    }

    /// Encodes the action description with its additional keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encodeAdditionalFields(additionalFields)
        try container.encodeField(input, "input")
        try container.encodeField(output, "output")
    }
}

/// A filterable field of a collection: the modifiers it accepts (`eq`, `ne`, `prefix`, `like`, `null`, …).
public struct SchemaFilter: Codable, Sendable, Hashable {
    /// The modifiers, each used as `<field>_<modifier>=<value>` (plain `<field>=` is `eq`).
    public var modifiers: [String]?
    /// Every other key the server sent, and listed keys sent as `null`.
    public var additionalFields: [String: JSONValue]

    /// Creates a filter description.
    public init(modifiers: [String]? = nil, additionalFields: [String: JSONValue] = [:]) {
        self.modifiers = modifiers
        self.additionalFields = additionalFields
    }

    /// Decodes a filter description; unknown keys go to `additionalFields`.
    public init(from decoder: any Decoder) throws {
        var fields = try FieldDecoder(decoder)
        modifiers = try fields.decode("modifiers")
        additionalFields = try fields.additionalFields(known: ["modifiers"])
    }

    /// Encodes the filter description with its additional keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encodeAdditionalFields(additionalFields)
        try container.encodeField(modifiers, "modifiers")
    }
}
