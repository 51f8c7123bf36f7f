import ApigenKit
import Foundation

// Collections: Cattle's filters (`name=`, `name_ne=`, `created_gte=`, `removed_null`), `sort`/`order`,
// `limit`/`marker` pagination, `include`, and links that lead to collections.
extension MockServer {
    static let defaultLimit = 100
    static let maximumLimit = 1000
    /// Query names that are not filters.
    static let reservedQueryNames: Set<String> = ["limit", "marker", "sort", "order", "include", "action", "projectId"]

    struct Condition {
        var field: String
        var modifier: FilterModifier
        var value: String
    }

    func list(_ type: MockCatalog.ResourceType, context: RequestContext) throws(MockError) -> OrderedJSON {
        store.settle(type: type.name, now: Timestamp.now())
        var candidates = store.resources(ofType: type.name)
        if let project = context.project, type.name != "project", type.name != "account" {
            candidates = candidates.filter { $0["accountId"]?.stringValue == project }
        }
        return try collection(of: type, candidates: candidates, inCreationOrder: true, selfURL: context.prefix + "/" + type.collection,
                              context: context)
    }

    func follow(_ name: String, of type: MockCatalog.ResourceType, id: String, context: RequestContext) throws(MockError) -> OrderedJSON {
        let resource = try existing(type, id: id)
        guard let link = catalog.links.link(named: name, of: type.name), let target = catalog.resourceType(named: link.target) else {
            throw MockError.notFound("\(type.name) has no link \(name)")
        }
        let linked = linkedResources(link, of: resource)
        if case .reference = link.kind {
            guard let first = linked.first else { throw MockError.notFound("\(id) has no \(name)") }
            return render(first, of: target, context: context, includes: context.request.queryValues("include"))
        }
        let selfURL = context.prefix + "/" + type.collection + "/" + id + "/" + name
        return try collection(of: target, candidates: linked, selfURL: selfURL, context: context)
    }

    /// A collection response over `candidates`, filtered, sorted and cut to one page as the query asks.
    /// `inCreationOrder`: `candidates` are in ID order (a type's own list), so an unsorted page needs only
    /// the resources up to it.
    func collection(of type: MockCatalog.ResourceType, candidates: [StoredResource], inCreationOrder: Bool = false,
                    selfURL: String, context: RequestContext) throws(MockError) -> OrderedJSON {
        let query = context.request.query
        let filterable = type.filterableByName
        let conditions = Self.conditions(in: query, filterable: filterable.mapValues(\.modifiers))
        let conditionTypes = conditions.map { filterable[$0.field]!.type }
        // Removed resources leave lists, unless the query asks about removal.
        let asksAboutRemoval = conditions.contains { $0.field == "removed" || $0.field == "state" }
        // By index: the resources are read in place, not copied (a list may walk thousands).
        func isMatch(_ index: Int) -> Bool {
            guard asksAboutRemoval || !candidates[index].isRemoved else { return false }
            for (condition, type) in zip(conditions, conditionTypes)
            where !Self.matches(candidates[index][condition.field], condition, type: type) {
                return false
            }
            return true
        }
        let sortField = context.request.queryValues("sort").last.flatMap { filterable[$0] == nil ? nil : $0 }
        let descending = context.request.queryValues("order").last?.lowercased() == "desc"
        let requestedLimit = context.request.queryValues("limit").last.flatMap(Int.init) ?? Self.defaultLimit
        let limit = min(max(requestedLimit, 1), Self.maximumLimit)
        let offset = max(context.request.queryValues("marker").last.flatMap { $0.hasPrefix("m") ? Int($0.dropFirst()) : nil } ?? 0, 0)

        var matching: [StoredResource] = []
        if sortField == nil, inCreationOrder {
            // Already in ID order: walk it (backwards for desc) and stop one past the page.
            let wanted = offset + limit + 1
            let order = descending ? Array(candidates.indices.reversed()) : Array(candidates.indices)
            for index in order where isMatch(index) {
                matching.append(candidates[index])
                if matching.count == wanted { break }
            }
        } else {
            matching = candidates.indices.filter(isMatch).map { candidates[$0] }
            if let sortField {
                let fieldType = filterable[sortField]!.type
                matching.sort { Self.orders($0[sortField], before: $1[sortField], type: fieldType) }
            } else {
                matching.sort { $0.number < $1.number }
            }
            if descending { matching.reverse() }
        }
        let start = min(offset, matching.count)
        let page = matching[start..<min(start + limit, matching.count)]
        let partial = start + limit < matching.count

        func url(replacing names: Set<String>, with items: [(String, String)]) -> String {
            Self.url(selfURL, query: query.filter { !names.contains($0.name) }.map { ($0.name, $0.value) } + items)
        }
        let next: OrderedJSON = partial ? .string(url(replacing: ["marker"], with: [("marker", "m\(start + limit)")])) : .null
        let previous: OrderedJSON = start > 0 ? .string(url(replacing: ["marker"], with: start - limit > 0 ? [("marker", "m\(start - limit)")] : [])) : .null
        var filters: [OrderedJSON.Member] = []
        for name in type.filterableFields.map(\.name) {
            let applied = conditions.filter { $0.field == name }
            filters.append(.init(key: name, value: applied.isEmpty ? .null : .array(applied.map {
                .object(["modifier": .string($0.modifier.rawValue), "value": .string($0.value)])
            })))
        }
        let includes = context.request.queryValues("include")
        return .object([
            "type": "collection",
            "resourceType": .string(type.name),
            "links": .object(["self": .string(url(replacing: [], with: []))]),
            "createTypes": .object(type.allows("create") ? [.init(key: type.name, value: .string(context.prefix + "/" + type.collection))] : []),
            "actions": .object([]),
            "pagination": .object([
                "first": start > 0 ? .string(url(replacing: ["marker"], with: [])) : .null,
                "previous": previous, "next": next, "limit": .number(limit), "total": .null, "partial": .bool(partial),
            ]),
            "sort": sortField.map { field in
                .object(["name": .string(field), "order": .string(descending ? "desc" : "asc"),
                         "reverse": .string(url(replacing: ["order", "marker"], with: [("order", descending ? "asc" : "desc")]))])
            } ?? .null,
            "sortLinks": .object(type.filterableFields.map {
                .init(key: $0.name, value: .string(Self.url(selfURL, query: [("sort", $0.name)])))
            }),
            "filters": .object(filters),
            "createDefaults": .object([]),
            "data": .array(page.map { render($0, of: type, context: context, includes: includes) }),
        ])
    }

    /// `name=x` is `eq`; `name_ne=x` splits at the last `_` when the rest is a modifier the field takes.
    /// Unknown fields and modifiers are ignored, as Cattle ignores them.
    static func conditions(in query: [(name: String, value: String)], filterable: [String: [FilterModifier]]) -> [Condition] {
        query.compactMap { item in
            guard !reservedQueryNames.contains(item.name) else { return nil }
            if let modifiers = filterable[item.name] {
                return modifiers.contains(.eq) ? Condition(field: item.name, modifier: .eq, value: item.value) : nil
            }
            guard let split = item.name.lastIndex(of: "_"), let modifier = FilterModifier(rawValue: String(item.name[item.name.index(after: split)...])),
                  let modifiers = filterable[String(item.name[..<split])], modifiers.contains(modifier)
            else { return nil }
            return Condition(field: String(item.name[..<split]), modifier: modifier, value: item.value)
        }
    }

    static func matches(_ value: OrderedJSON?, _ condition: Condition, type: TypeRef) -> Bool {
        let present = value.map { !$0.isNull } ?? false
        switch condition.modifier {
        case .null: return !present
        case .notnull: return present
        default: break
        }
        guard let value, present else { return condition.modifier == .ne }
        let text = Self.text(of: value)
        switch condition.modifier {
        case .eq: return equal(text, condition.value, type: type)
        case .ne: return !equal(text, condition.value, type: type)
        case .lt: return compare(text, condition.value, type: type) == .orderedAscending
        case .lte: return compare(text, condition.value, type: type) != .orderedDescending
        case .gt: return compare(text, condition.value, type: type) == .orderedDescending
        case .gte: return compare(text, condition.value, type: type) != .orderedAscending
        case .prefix: return text.hasPrefix(condition.value)
        case .like: return like(text, pattern: condition.value)
        case .notlike: return !like(text, pattern: condition.value)
        case .null, .notnull: return true
        }
    }

    static func text(of value: OrderedJSON) -> String {
        switch value {
        case .string(let text): text
        case .number(let literal): literal
        case .bool(let flag): flag ? "true" : "false"
        default: value.serialized()
        }
    }

    /// Flags compare without case (`True` from Python clients); numbers by value.
    static func equal(_ text: String, _ value: String, type: TypeRef) -> Bool {
        switch type {
        case .scalar(.boolean): text.lowercased() == value.lowercased()
        case .scalar(.int), .scalar(.float): Double(text).flatMap { left in Double(value).map { left == $0 } } ?? (text == value)
        default: text == value
        }
    }

    static func compare(_ text: String, _ value: String, type: TypeRef) -> ComparisonResult {
        if case .scalar(let scalar) = type, scalar == .int || scalar == .float, let left = Double(text), let right = Double(value) {
            return left < right ? .orderedAscending : left > right ? .orderedDescending : .orderedSame
        }
        return text < value ? .orderedAscending : text > value ? .orderedDescending : .orderedSame
    }

    static func orders(_ left: OrderedJSON?, before right: OrderedJSON?, type: TypeRef) -> Bool {
        switch (left.flatMap { $0.isNull ? nil : text(of: $0) }, right.flatMap { $0.isNull ? nil : text(of: $0) }) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case (let left?, let right?): compare(left, right, type: type) == .orderedAscending
        }
    }

    /// SQL's LIKE: `%` any run, `_` any one character.
    static func like(_ text: String, pattern: String) -> Bool {
        let text = Array(text), pattern = Array(pattern)
        var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: pattern.count + 1), count: text.count + 1)
        func match(_ i: Int, _ j: Int) -> Bool {
            if let known = memo[i][j] { return known }
            let result: Bool
            if j == pattern.count {
                result = i == text.count
            } else if pattern[j] == "%" {
                result = match(i, j + 1) || (i < text.count && match(i + 1, j))
            } else {
                result = i < text.count && (pattern[j] == "_" || pattern[j] == text[i]) && match(i + 1, j + 1)
            }
            memo[i][j] = result
            return result
        }
        return match(0, 0)
    }

    static func url(_ base: String, query: [(String, String)]) -> String {
        guard !query.isEmpty else { return base }
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return base + "?" + (components.percentEncodedQuery ?? "")
    }
}
