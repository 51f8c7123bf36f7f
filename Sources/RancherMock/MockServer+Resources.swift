import ApigenKit
import Foundation

// One resource: create, read, update, delete, actions, and how a resource is written in a response.
extension MockServer {
    func create(_ type: MockCatalog.ResourceType, context: RequestContext) throws(MockError) -> (Int, OrderedJSON) {
        guard type.allows("create") else { throw MockError.methodNotAllowed("POST") }
        let accepted = try validator(for: type.fields, order: type.fieldOrder, purpose: .create).accepted(try Self.body(of: context.request))
        let now = Timestamp.now()
        let number = store.takeNumber()
        let id = "1" + type.idPrefix + String(number)
        var resource = StoredResource(id: id, type: type.name, number: number,
                                      fields: newResourceFields(type, id: id, accepted: accepted, scope: context.project, now: now))
        resource.begin(Lifecycle.creation(of: type), now: now, delay: transitionMilliseconds)
        try save(resource)
        return (201, render(resource, of: type, context: context))
    }

    func read(_ type: MockCatalog.ResourceType, id: String, context: RequestContext) throws(MockError) -> OrderedJSON {
        render(try existing(type, id: id), of: type, context: context, includes: context.request.queryValues("include"))
    }

    func update(_ type: MockCatalog.ResourceType, id: String, context: RequestContext) throws(MockError) -> (Int, OrderedJSON) {
        guard type.allows("update") else { throw MockError.methodNotAllowed("PUT") }
        var resource = try existing(type, id: id)
        let accepted = try validator(for: type.fields, order: type.fieldOrder, purpose: .update).accepted(try Self.body(of: context.request))
        for member in accepted { resource[member.key] = member.value }
        try save(resource)
        return (200, render(resource, of: type, context: context))
    }

    func delete(_ type: MockCatalog.ResourceType, id: String, context: RequestContext) throws(MockError) -> (Int, OrderedJSON) {
        guard type.allows("delete") else { throw MockError.methodNotAllowed("DELETE") }
        var resource = try existing(type, id: id)
        guard !resource.isRemoved else { return (200, render(resource, of: type, context: context)) }
        guard !resource.isTransitioning else { throw MockError(409, "Conflict", "\(id) is \(resource.state); try again when it settles") }
        resource.begin(Lifecycle.deletion, now: Timestamp.now(), delay: transitionMilliseconds)
        try save(resource)
        return (200, render(resource, of: type, context: context))
    }

    func perform(_ name: String, on type: MockCatalog.ResourceType, id: String, context: RequestContext) throws(MockError) -> (Int, OrderedJSON) {
        guard let action = type.action(named: name) else {
            throw MockError.validation("InvalidAction", field: "action", "\(type.name) has no action \(name)")
        }
        var resource = try existing(type, id: id)
        guard Lifecycle.isAvailable(name, state: resource.state, transitioning: resource.isTransitioning) else {
            throw MockError.validation("ActionNotAvailable", field: "action", "\(name) is not available while \(id) is \(resource.state)")
        }
        let inputFields = action.inputFields.isEmpty ? (action.input.flatMap(catalog.type(named:))?.fields ?? []) : action.inputFields
        let body = try Self.body(of: context.request)
        _ = try validator(for: Dictionary(inputFields.map { ($0.name, $0) }) { first, _ in first }, order: inputFields.map(\.name),
                          purpose: .actionInput).accepted(body)
        keepInput(body, of: action, in: &resource, type: type)
        let transition = Lifecycle.transitions[name]
        if let transition { resource.begin(transition, now: Timestamp.now(), delay: transitionMilliseconds) }
        try save(resource)
        let status = transition == nil ? 200 : 202
        guard let output = action.output, output != type.name, output != type.baseType, catalog.resourceType(named: output) == nil else {
            return (status, render(resource, of: type, context: context))
        }
        // Another type's output (`hostAccess`, `composeConfig`): its documented fields, unset.
        let fields = catalog.type(named: output)?.fields ?? []
        return (status, .object([.init(key: "type", value: .string(output))] + fields.map { .init(key: $0.name, value: .null) }))
    }

    /// An action's input stays on the resource where a field holds that type (`upgrade` → `service.upgrade`);
    /// an upgrade's launch configs become the service's, every key as sent.
    private func keepInput(_ body: OrderedJSON, of action: Action, in resource: inout StoredResource, type: MockCatalog.ResourceType) {
        guard let input = action.input, !(body.members ?? []).isEmpty else { return }
        for field in type.fields.values where field.type == .named(input) { resource[field.name] = body }
        for strategy in ["inServiceStrategy", "toServiceStrategy"] {
            guard let chosen = body[strategy], !chosen.isNull else { continue }
            for key in ["launchConfig", "secondaryLaunchConfigs"] {
                if let value = chosen[key], !value.isNull, type.fields[key] != nil { resource[key] = value }
            }
        }
    }

    var transitionMilliseconds: Int64 { Int64((options.transitionDelay * 1000).rounded()) }

    func existing(_ type: MockCatalog.ResourceType, id: String) throws(MockError) -> StoredResource {
        store.settle(id: id, now: Timestamp.now())
        guard let resource = store.resource(id: id), resource.type == type.name else {
            throw MockError.notFound("no \(type.name) \(id)")
        }
        return resource
    }

    /// Journal first, then memory: an answered write is on disk.
    func save(_ resource: StoredResource) throws(MockError) {
        do {
            try journal?.append(resource)
        } catch {
            throw MockError(500, "ServerError", "the state file could not be written: \(error)")
        }
        store.insert(resource)
    }

    static func body(of request: MockRequest) throws(MockError) -> OrderedJSON {
        let text = String(decoding: request.body, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) { return .object([]) }
        do {
            return try OrderedJSON.parse(text)
        } catch {
            throw MockError(400, "InvalidBodyContent", "the body is not JSON: \(error.reason) (line \(error.line))")
        }
    }

    func validator(for fields: [String: Field], order: [String], purpose: PayloadValidator.Purpose) -> PayloadValidator {
        // Reads the store through `self` (the caller holds the lock): a captured copy would make the next write
        // copy every resource.
        PayloadValidator(fields: fields, order: order, purpose: purpose) { [unowned self] target, id in
            guard let resource = store.resource(id: id) else { return false }
            guard let target else { return true }
            return resource.type == target || self.catalog.resourceType(named: resource.type)?.baseType == target
        }
    }

    /// A new resource's fields in response order: identity, then every field (what the body set, else the
    /// documented default, else the standard value, else null).
    func newResourceFields(_ type: MockCatalog.ResourceType, id: String, accepted: [OrderedJSON.Member], scope: String?,
                           now: Int64) -> OrderedJSON {
        let standard: [String: OrderedJSON] = [
            "created": .string(Timestamp.iso8601(now)), "createdTS": .number(String(now)), "uuid": .string(UUID().uuidString.lowercased()),
            "kind": .string(type.name), "accountId": .string(orNull: type.name == "project" ? nil : scope ?? defaultProjectID),
            "state": "requested", "transitioning": "no",
        ]
        var members: [OrderedJSON.Member] = [
            .init(key: "id", value: .string(id)), .init(key: "type", value: .string(type.name)),
            .init(key: "baseType", value: .string(type.baseType)),
        ]
        for name in type.fieldOrder where !["id", "type", "baseType", "links", "actions"].contains(name) {
            let field = type.fields[name]!
            let value = accepted.first { $0.key == name }?.value
                ?? field.default.map { SchemaExporter.defaultValue($0, of: field.type) }
                ?? standard[name] ?? .null
            members.append(.init(key: name, value: value))
        }
        return .object(members)
    }

    /// A resource as the API writes it: `id`, `type`, `links`, the `actions` valid now, then its fields;
    /// with `include=<link>`, each named link's resources embedded under its name.
    func render(_ resource: StoredResource, of type: MockCatalog.ResourceType, context: RequestContext, includes: [String] = []) -> OrderedJSON {
        let selfURL = context.prefix + "/" + type.collection + "/" + resource.id
        var links: [OrderedJSON.Member] = [.init(key: "self", value: .string(selfURL))]
        for link in catalog.links.links(of: type.name) {
            links.append(.init(key: link.name, value: .string(linkURL(link, of: resource, selfURL: selfURL, context: context))))
        }
        var actions: [OrderedJSON.Member] = []
        for action in type.type.actions where Lifecycle.isAvailable(action.name, state: resource.state, transitioning: resource.isTransitioning) {
            actions.append(.init(key: action.name, value: .string(selfURL + "?action=" + action.name)))
        }
        var members: [OrderedJSON.Member] = [
            .init(key: "id", value: .string(resource.id)), .init(key: "type", value: .string(type.name)),
            .init(key: "links", value: .object(links)), .init(key: "actions", value: .object(actions)),
        ]
        members += resource.members.filter { $0.key != "id" && $0.key != "type" }
        for name in Set(includes) {
            guard let link = catalog.links.link(named: name, of: type.name) else { continue }
            members.append(.init(key: name, value: included(link, of: resource, context: context)))
        }
        return .object(members)
    }

    private func linkURL(_ link: ResourceLinks.Link, of resource: StoredResource, selfURL: String, context: RequestContext) -> String {
        if case .reference(let field) = link.kind, let id = resource[field]?.stringValue, let target = catalog.resourceType(named: link.target) {
            return context.prefix + "/" + target.collection + "/" + id
        }
        return selfURL + "/" + link.name
    }

    private func included(_ link: ResourceLinks.Link, of resource: StoredResource, context: RequestContext) -> OrderedJSON {
        guard let target = catalog.resourceType(named: link.target) else { return .null }
        let linked = linkedResources(link, of: resource)
        if case .reference = link.kind { return linked.first.map { render($0, of: target, context: context) } ?? .null }
        return .array(linked.filter { !$0.isRemoved }.map { render($0, of: target, context: context) })
    }

    func linkedResources(_ link: ResourceLinks.Link, of resource: StoredResource) -> [StoredResource] {
        let now = Timestamp.now()
        switch link.kind {
        case .reference(let field):
            guard let id = resource[field]?.stringValue else { return [] }
            store.settle(id: id, now: now)
            return store.resource(id: id).map { [$0] } ?? []
        case .referenceList(let field):
            let ids = (resource[field]?.elements ?? []).compactMap(\.stringValue)
            ids.forEach { store.settle(id: $0, now: now) }
            return ids.compactMap { store.resource(id: $0) }
        case .referrers(let type, let field):
            store.settle(type: type, now: now)
            return store.resources(ofType: type).filter { $0[field]?.stringValue == resource.id }
        }
    }
}
