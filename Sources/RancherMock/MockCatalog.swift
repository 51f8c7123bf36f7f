import ApigenKit

/// What the mock serves, read once from a docs set's IR: the resource types with a collection, their
/// fields (the page's, then the standard ones every resource carries), actions and operations, the links
/// among them, and the types actions take and return.
public struct MockCatalog: Sendable {
    public struct FilterableField: Sendable {
        public var name: String
        public var modifiers: [FilterModifier]
        public var type: TypeRef
    }

    public struct ResourceType: Sendable {
        public var type: APIType
        /// The collection's URL name, lowercased as the server writes it (`services`, `apikeys`).
        public var collection: String
        /// The page's fields, then the standard fields it does not list, by name.
        public var fields: [String: Field]
        /// Fields in the order a response lists them.
        public var fieldOrder: [String]
        /// The fields a list filters and sorts by, with the modifiers each takes, in `fieldOrder`'s order.
        public var filterableFields: [FilterableField]
        /// The same, by name.
        public var filterableByName: [String: FilterableField]
        public var baseType: String
        /// Rancher-style IDs: `1` + this prefix + a number (`1s5`).
        public var idPrefix: String

        public var name: String { type.name }
        public func action(named name: String) -> Action? { type.actions.first { $0.name == name } }
        public func allows(_ operation: String) -> Bool { type.servedOperations.contains { $0.name == operation } }
    }

    public let document: APIDocument
    public let apiVersion: String
    public let resourceTypes: [ResourceType]
    public let links: ResourceLinks
    public let schemas: SchemaExporter
    private let byCollection: [String: Int]
    private let byName: [String: Int]
    private let typesByName: [String: APIType]

    public init(document: APIDocument) {
        self.document = document
        apiVersion = document.apiVersion ?? "v2-beta"
        links = ResourceLinks(document: document)
        schemas = SchemaExporter(document: document, servingInferredOperations: true)
        typesByName = Dictionary(document.types.map { ($0.name, $0) }) { first, _ in first }
        let common = document.types.first { $0.origin == .common }?.fields ?? []
        var standard = common
        for convention in ResourceConventions.standardFields where !standard.contains(where: { $0.name == convention.field.name }) {
            standard.append(convention.field)
        }
        // The conventions' types win for the fields a client relies on (`removed` is a date, whatever a page says).
        standard = standard.map { field in
            guard let convention = ResourceConventions.standardField(named: field.name), convention.isFixed else { return field }
            var fixed = field
            fixed.type = convention.field.type
            fixed.options = convention.field.options ?? field.options
            return fixed
        }
        var types: [ResourceType] = []
        let resources = document.types.filter { $0.kind == .resource && $0.origin != .common && $0.collectionName != nil }
        let serviceLike = Set(resources.map(\.name)).contains("service")
        for type in resources.sorted(by: { $0.name < $1.name }) {
            var fields = [String: Field]()
            var order: [String] = []
            for field in type.fields + standard where fields[field.name] == nil {
                fields[field.name] = field
                order.append(field.name)
            }
            let baseType = serviceLike && type.name.hasSuffix("Service") && type.name != "service" ? "service" : type.name
            let prefix = Self.idPrefix(for: type.name, serviceKind: baseType == "service")
            let filterable = order.compactMap { name in
                fields[name].flatMap { field in
                    FilterModifier.modifiers(for: field).map { FilterableField(name: name, modifiers: $0, type: field.type) }
                }
            }
            types.append(ResourceType(
                type: type, collection: type.collectionName!.lowercased(), fields: fields, fieldOrder: order,
                filterableFields: filterable, filterableByName: Dictionary(filterable.map { ($0.name, $0) }) { first, _ in first },
                baseType: baseType, idPrefix: prefix))
        }
        resourceTypes = types
        byCollection = Dictionary(types.enumerated().map { ($1.collection, $0) }) { first, _ in first }
        byName = Dictionary(types.enumerated().map { ($1.name, $0) }) { first, _ in first }
    }

    /// The resource type served at a collection name, whatever its case (`apiKeys`, `apikeys`).
    public func resourceType(collection: String) -> ResourceType? {
        byCollection[collection.lowercased()].map { resourceTypes[$0] }
    }

    public func resourceType(named name: String) -> ResourceType? {
        byName[name].map { resourceTypes[$0] }
    }

    /// Any documented type (an action's input or output, an embedded type).
    public func type(named name: String) -> APIType? { typesByName[name] }

    /// Cattle's prefixes where the docs have those types (`1s5` a service, `1st3` a stack, `1a5` a project),
    /// else the name's first letter. IDs come from one counter, so they are unique whatever the prefix.
    static let knownPrefixes = [
        "service": "s", "stack": "st", "environment": "e", "host": "h", "container": "i", "instance": "i",
        "project": "a", "account": "a", "volume": "v", "apiKey": "c", "credential": "c", "certificate": "c",
        "registry": "sp", "storagePool": "sp", "network": "n", "physicalHost": "ph",
    ]

    static func idPrefix(for name: String, serviceKind: Bool) -> String {
        if serviceKind { return "s" }
        return knownPrefixes[name] ?? String(name.prefix(1)).lowercased()
    }
}
