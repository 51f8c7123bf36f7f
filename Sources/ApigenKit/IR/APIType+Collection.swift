// Where a resource lives on the server, decided once from its page's paths: the emitter's clients,
// `apigen schemas` and the mock server all ask here.
extension APIType {
    /// The collection URL as the page writes it (`/v2-beta/projects/${PROJECT_ID}/services`): the create
    /// path, else an item or action path without its `/${ID}…` tail; `nil` for a type no path names.
    public var collectionPath: String? {
        if let create = operations.first(where: { $0.name == "create" }) { return create.path }
        for path in operations.map(\.path) + actions.map(\.path) {
            if let range = path.firstRange(ofText: "/${ID}") { return String(path[..<range.lowerBound]) }
        }
        return nil
    }

    /// What the server serves: the documented operations; and where a page documents none at all but lists
    /// fields that can be set on create, `create` (`POST` the collection), `update` (`PUT` the resource, where
    /// fields can be updated) and `delete`. The docs are evidence here, not the whole truth: v1.6's pages have no
    /// Operations section for services, stacks, containers and hosts, which every Rancher 1.6 server creates,
    /// updates and deletes. Measured against the v1.2 oracle, the rule errs the other way for the types a
    /// member's key may only read (`account`, `project`, `identity`, …): their clients then answer 405.
    public var servedOperations: [Operation] {
        guard kind == .resource, operations.isEmpty, let collection = collectionPath, fields.contains(where: \.create) else {
            return operations
        }
        var served = [Operation(name: "create", method: "POST", path: collection)]
        if fields.contains(where: \.update) { served.append(Operation(name: "update", method: "PUT", path: collection + "/${ID}")) }
        served.append(Operation(name: "delete", method: "DELETE", path: collection + "/${ID}"))
        return served
    }

    /// The collection's last path component (`services`, `apikeys`), the name in its URLs.
    public var collectionName: String? {
        collectionPath.flatMap { $0.split(separator: "/").last.map(String.init) }
    }

    /// Cattle's plural of the type's name (`pluralName` in `/schemas`): the collection's own name where the
    /// page gives one, in the type's camel case (`ipaddresses` → `ipAddresses`, `registries`, `serviceProxies`),
    /// else the name with `s`, or `es` after an `s` (`restartPolicys`, `hostAccesses`, as Cattle spells them),
    /// but for the few plurals Cattle's code declares by hand.
    public var pluralName: String {
        if let irregular = Self.declaredPlurals[name] { return irregular }
        if let collection = collectionName {
            let shared = zip(name.lowercased(), collection.lowercased()).prefix { $0 == $1 }.count
            return String(name.prefix(shared)) + collection.dropFirst(shared)
        }
        return name + (name.hasSuffix("s") ? "es" : "s")
    }

    /// Types whose plural Cattle declares rather than derives (`@Type(pluralName = …)`), with no collection
    /// path in the docs to read it from.
    static let declaredPlurals = [
        "identity": "identities", "serviceProxy": "serviceProxies", "register": "register", "subscribe": "subscribe",
    ]
}
