/// The API's `/schemas` collection as a Rancher 1.x server sends it, made from the IR: one `schema` per
/// documented type, with the facts its page states (field types, create/update/required, defaults, options,
/// methods, actions) and Cattle's conventions where they are rules (filter modifiers by field type, plural
/// names, link URLs). Facts the docs never state are left out rather than guessed: `nullable`, `maxLength`,
/// `validChars`, which links a resource has (`includeableLinks` is empty), and the common page's fields,
/// which the docs state once for all resources (the mock server sends them on every resource). The pages'
/// Notes are the docs' prose, not the schema's `description` (where the server has one, they differ), so
/// `description` is `null`, as the server's mostly is.
public struct SchemaExporter: Sendable {
    public let document: APIDocument
    /// Which operations the methods advertise: the documented ones (`apigen schemas`), or what a server
    /// serves (`APIType.servedOperations`, the mock's `/schemas`).
    public let operations: KeyPath<APIType, [Operation]> & Sendable

    public init(document: APIDocument, servingInferredOperations: Bool = false) {
        self.document = document
        operations = servingInferredOperations ? \APIType.servedOperations : \APIType.operations
    }

    /// The documented types a schema is made for: all but the common page.
    public var schemaTypes: [APIType] { document.types.filter { $0.origin != .common } }

    /// `GET /schemas`. `baseURL` is the version's URL (`http://host:8080/v2-beta`).
    public func collection(baseURL: String) -> OrderedJSON {
        .object([
            "type": "collection",
            "resourceType": "schema",
            "links": .object(["self": .string(baseURL + "/schemas")]),
            "createTypes": .object([]),
            "actions": .object([]),
            "data": .array(schemaTypes.map { schema(for: $0, baseURL: baseURL) }),
            "sortLinks": .object([]),
            "pagination": .null,
            "sort": .null,
            "filters": .object([]),
            "createDefaults": .object([]),
        ])
    }

    /// One `schema`, in the key order of Cattle's.
    public func schema(for type: APIType, baseURL: String) -> OrderedJSON {
        var schemaLinks: [OrderedJSON.Member] = [.init(key: "self", value: .string(baseURL + "/schemas/" + type.name.lowercased()))]
        if let collection = type.collectionName, type.kind == .resource {
            schemaLinks.append(.init(key: "collection", value: .string(baseURL + "/" + collection.lowercased())))
        }
        let fields = type.fields
        return .object([
            "id": .string(type.name),
            "type": "schema",
            "links": .object(schemaLinks),
            "actions": .object([]),
            "pluralName": .string(type.pluralName),
            "resourceFields": .object(fields.map { .init(key: $0.name, value: Self.fieldSchema($0)) }),
            "collectionFilters": .object(collectionFilters(of: type, fields: fields)),
            "includeableLinks": [],
            "resourceActions": .object(type.actions.map {
                .init(key: $0.name, value: .object(["input": .string(orNull: $0.input), "output": .string(orNull: $0.output)]))
            }),
            "collectionActions": .object([]),
            "collectionFields": .object([]),
            "collectionMethods": .array(collectionMethods(of: type).map(OrderedJSON.string)),
            "resourceMethods": .array(resourceMethods(of: type).map(OrderedJSON.string)),
        ])
    }

    /// `GET` and, with a documented create, `POST`; none for a type without a collection.
    public func collectionMethods(of type: APIType) -> [String] {
        guard type.kind == .resource, type.collectionName != nil else { return [] }
        return ["GET"] + (type[keyPath: operations].contains { $0.name == "create" } ? ["POST"] : [])
    }

    /// `GET`, with `PUT` and `DELETE` where the page documents update and delete.
    public func resourceMethods(of type: APIType) -> [String] {
        guard type.kind == .resource, type.collectionName != nil else { return [] }
        let served = type[keyPath: operations]
        return ["GET"] + (served.contains { $0.name == "update" } ? ["PUT"] : []) + (served.contains { $0.name == "delete" } ? ["DELETE"] : [])
    }

    /// A field's schema: only what the docs state. `required` and `default` appear where set, as Cattle's do.
    static func fieldSchema(_ field: Field) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [
            .init(key: "type", value: .string(field.type.grammar)),
            .init(key: "description", value: .null),
            .init(key: "create", value: .bool(field.create)),
            .init(key: "update", value: .bool(field.update)),
        ]
        if field.required { members.append(.init(key: "required", value: true)) }
        if let value = field.default { members.append(.init(key: "default", value: defaultValue(value, of: field.type))) }
        if let options = field.options { members.append(.init(key: "options", value: .array(options.map(OrderedJSON.string)))) }
        return .object(members)
    }

    /// The docs print defaults as text: `2` of an int is the number 2, `true` of a boolean is `true`,
    /// `[a b]` of an array is `["a", "b"]`.
    public static func defaultValue(_ text: String, of type: TypeRef) -> OrderedJSON {
        switch type {
        case .array where text.hasPrefix("[") && text.hasSuffix("]"):
            .array(text.dropFirst().dropLast().split(separator: " ").map { .string(String($0)) })
        case .scalar(.int) where Int(text) != nil: .number(text)
        case .scalar(.float) where Double(text) != nil: .number(text)
        case .scalar(.boolean) where text == "true" || text == "false": .bool(text == "true")
        default: .string(text)
        }
    }

    func collectionFilters(of type: APIType, fields: [Field]) -> [OrderedJSON.Member] {
        guard type.kind == .resource, type.collectionName != nil else { return [] }
        return fields.compactMap { field in
            FilterModifier.modifiers(for: field).map {
                .init(key: field.name, value: .object(["modifiers": .array($0.map { .string($0.rawValue) })]))
            }
        }
    }
}

/// Cattle's collection filter modifiers (`name_ne=…`), and which a field's type takes.
public enum FilterModifier: String, Sendable, CaseIterable {
    case eq, ne, lt, lte, gt, gte, prefix, like, notlike, null, notnull

    /// Text (enums are text columns) compares by pattern, numbers and dates by order, references, flags and
    /// `state` by equality; `nil` for a type no collection filters by (objects, arrays, maps, JSON).
    public static func modifiers(for field: Field) -> [FilterModifier]? {
        if field.name == "state" { return [.eq, .ne, .null, .notnull] }
        switch field.type {
        case .scalar(.string), .scalar(.password), .scalar(.enum): return [.eq, .ne, .prefix, .like, .notlike, .null, .notnull]
        case .scalar(.int), .scalar(.float), .scalar(.date): return [.eq, .ne, .lt, .lte, .gt, .gte, .null, .notnull]
        case .scalar(.boolean), .reference: return [.eq, .ne, .null, .notnull]
        default: return nil
        }
    }
}
