/// The resources, each type's in creation order (lists walk that array; no lookup per resource), an index
/// from ID to place, and the IDs with a transition still running (only those are settled on a read).
struct ResourceStore {
    private var byType: [String: [StoredResource]] = [:]
    private var places: [String: (type: String, index: Int)] = [:]
    private var pendingByType: [String: Set<String>] = [:]
    private(set) var nextNumber = 1

    var all: [StoredResource] { byType.keys.sorted().flatMap { byType[$0]! } }

    func resource(id: String) -> StoredResource? {
        places[id].map { byType[$0.type]![$0.index] }
    }

    func resources(ofType type: String) -> [StoredResource] { byType[type] ?? [] }

    /// Adds or replaces a resource.
    mutating func insert(_ resource: StoredResource) {
        if let place = places[resource.id], place.type == resource.type {
            byType[place.type]![place.index] = resource
        } else {
            places[resource.id] = (resource.type, byType[resource.type, default: []].count)
            byType[resource.type, default: []].append(resource)
        }
        if resource.pending != nil {
            pendingByType[resource.type, default: []].insert(resource.id)
        } else {
            pendingByType[resource.type]?.remove(resource.id)
        }
        nextNumber = max(nextNumber, resource.number + 1)
    }

    /// A new ID's number.
    mutating func takeNumber() -> Int {
        defer { nextNumber += 1 }
        return nextNumber
    }

    /// Finishes every transition of one type whose time has come.
    mutating func settle(type: String, now: Int64) {
        for id in pendingByType[type] ?? [] { settle(id: id, now: now) }
    }

    mutating func settle(id: String, now: Int64) {
        guard let place = places[id], byType[place.type]![place.index].settle(now: now) else { return }
        pendingByType[place.type]?.remove(id)
    }
}
