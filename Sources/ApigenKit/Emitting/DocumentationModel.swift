/// Contexts for the documentation templates (`Docs/*`, `DocC/*`): the same resolved IR and the same
/// Swift names as the code, so what the docs show is what compiles.
struct TypeDocContext: Sendable {
    var access: String
    var moduleName: String
    var apiName: String
    var typeName: String
    var isResource: Bool
    var description: String
    var origin: String
    var source: String
    var fields: [FieldDocContext]
    /// The client accessor (`networkDriverServices`) for resources with a collection.
    var accessorName: String?
    var operations: [UsageContext]
    var actions: [UsageContext]
    /// The Swift names of the models this type embeds, at any depth (`LaunchConfig`, `HealthCheck` under `Service`):
    /// the resource's article curates them, so DocC's See Also shows them beside it.
    var embeddedTypes: [String] = []
    /// The guide's title: the collection's plural in words (`DNS Services`), else the type's name in words.
    var title: String { SwiftNames.title(accessorName ?? apiName) }
    /// Whether the model has nested `Create` / `Update` request bodies.
    var hasCreatePayload = false
    var hasUpdatePayload = false
}

struct FieldDocContext: Sendable {
    var apiName: String
    var swiftName: String
    var apiType: String
    var swiftType: String
    /// `required`, `optional` or `-` on create; `yes` or `-` on update; `read-only` when not writable.
    var create: String
    var update: String
    var defaultValue: String
    var options: String
    var notes: String
    /// The type page to link to, when the field's type is a model.
    var linkedType: String?

    /// What a request may do with the field, in words: `required on create, updatable, default `1``.
    var usage: String {
        if create == "read-only" { return "read-only" }
        var parts = [create == "required" ? "required on create" : create == "optional" ? "optional on create" : "not set on create"]
        if update == "yes" { parts.append("updatable") }
        if !defaultValue.isEmpty { parts.append("default `\(defaultValue)`") }
        return parts.joined(separator: ", ")
    }
}

struct UsageContext: Sendable {
    var name: String
    var summary: String
    /// Swift lines that call the generated client.
    var example: [String]
}

struct DocsIndexContext: Sendable {
    var access: String
    var moduleName: String
    var docsVersion: String
    var apiVersion: String
    var resources: [TypeDocContext]
    var types: [TypeDocContext]
    /// The `types` no resource embeds: what the landing page lists beside the resources' articles.
    var unattachedTypes: [TypeDocContext]
}

extension SwiftSDKModel {
    /// The docs of one type, from the contexts its code was rendered from.
    func docContext(for type: APIType, model: ModelContext, client: ResourceClientContext?) -> TypeDocContext {
        let accessor = collectionPath(of: type) != nil && type.kind == .resource ? accessorName(of: type) : nil
        let fields = zip(swift.fields(of: type), model.properties).map { field, property in
            FieldDocContext(
                apiName: field.name, swiftName: property.name.trimmingCharacters(in: ["`"]), apiType: field.type.grammar, swiftType: property.type,
                create: field.required ? "required" : field.create ? "optional" : field.writable ? "-" : "read-only",
                update: field.update ? "yes" : "-", defaultValue: field.default ?? "", options: field.options?.joined(separator: ", ") ?? "",
                notes: field.description, linkedType: linkedModel(field.type).map(swiftTypeName))
        }
        var operations: [UsageContext] = []
        var actions: [UsageContext] = []
        if let accessor, let client {
            let items = "rancher.\(accessor)"
            operations.append(UsageContext(name: "list", summary: "One page, then every page.", example: [
                "let page = try await \(items).list(ListOptions(limit: 50))",
                "for try await item in \(items).all() { print(item) }",
            ]))
            operations.append(UsageContext(name: "get", summary: "One \(type.name) by ID.", example: [
                "let item = try await \(items).get(id: \"1a1\")",
            ]))
            // The same calls the generated tests make, so the examples are known to compile.
            if let create = client.create {
                operations.append(UsageContext(name: "create", summary: "`\(create.method) \(create.path)`",
                                               example: ["let created = try await \(items).\(create.call)"]))
            }
            if let update = client.update {
                operations.append(UsageContext(name: "update", summary: "`\(update.method) \(update.path)`",
                                               example: ["let updated = try await \(items).\(update.call)"]))
            }
            if let delete = client.delete {
                operations.append(UsageContext(name: "delete", summary: "`\(delete.method) \(delete.path)`",
                                               example: ["try await \(items).\(delete.call)"]))
            }
            for action in client.actions {
                let call = "\(items).\(action.call)"
                actions.append(UsageContext(
                    name: action.apiName,
                    summary: "`\(action.method) \(action.path)`" + (action.hasOutput ? ", returns `\(action.outputType)`" : ""),
                    example: [action.hasOutput ? "let result = try await \(call)" : "try await \(call)"]))
            }
        }
        return TypeDocContext(
            access: access, moduleName: options.moduleName, apiName: type.name, typeName: model.typeName,
            isResource: type.kind == .resource, description: type.description, origin: type.origin.rawValue,
            source: type.source, fields: fields, accessorName: accessor, operations: operations, actions: actions,
            embeddedTypes: embeddedModels(of: type).map(swiftTypeName).sorted(),
            hasCreatePayload: model.createPayload != nil, hasUpdatePayload: model.updatePayload != nil)
    }

    /// The models `type` holds by value, directly or inside them (not references, which are IDs).
    private func embeddedModels(of type: APIType) -> Set<String> {
        var found = Set<String>()
        var pending = [type]
        while let next = pending.popLast() {
            for field in next.fields {
                guard case .named(let name) = field.type.innermost, name != type.name, let model = modelTypes[name],
                      found.insert(name).inserted else { continue }
                pending.append(model)
            }
        }
        return found
    }

    private func linkedModel(_ type: TypeRef) -> String? {
        switch type.innermost {
        case .named(let name) where modelTypes[name] != nil: name
        case .reference(let target?) where modelTypes[target] != nil: target
        default: nil
        }
    }

    func docsIndexContext(models: [String: ModelContext], clients: [String: ResourceClientContext]) -> DocsIndexContext {
        let sorted = modelTypes.values.sorted { $0.name < $1.name }
        let all = ConcurrentMap.map(sorted) { type in
            docContext(for: type, model: models[type.name] ?? modelContext(for: type), client: clients[type.name])
        }
        let resources = all.filter { $0.accessorName != nil }
        let types = all.filter { $0.accessorName == nil }
        let attached = Set(resources.flatMap(\.embeddedTypes))
        return DocsIndexContext(
            access: access, moduleName: options.moduleName, docsVersion: document.docsVersion ?? "unknown",
            apiVersion: document.apiVersion ?? "unknown", resources: resources, types: types,
            unattachedTypes: types.filter { !attached.contains($0.typeName) })
    }
}
