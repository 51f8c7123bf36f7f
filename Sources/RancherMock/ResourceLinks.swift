import ApigenKit

/// The named links of a resource, decided from the docs' reference fields: a field `stackId` of type
/// `reference[stack]` gives the link `stack` (the stack it names); every type with such a field pointing
/// back gives a collection link (`stack` → `services`: the services whose `stackId` is this stack); an
/// `array[reference[instance]]` field `instanceIds` gives `instances`. The mock serves them as links and
/// embeds them for `include=`. (`/schemas` leaves `includeableLinks` empty: the docs never say which links a
/// resource has, and the oracles' lists differ from these.)
public struct ResourceLinks: Sendable {
    public struct Link: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// The one resource `field` names.
            case reference(field: String)
            /// The resources `field` of this resource lists.
            case referenceList(field: String)
            /// The resources of `type` whose `field` names this one.
            case referrers(type: String, field: String)
        }

        public var name: String
        /// The type the link leads to.
        public var target: String
        public var kind: Kind
    }

    private var linksByType: [String: [Link]] = [:]

    /// Links among the types that have a collection (only those can be fetched).
    public init(document: APIDocument) {
        let resources = document.types.filter { $0.kind == .resource && $0.collectionName != nil }
        let names = Set(resources.map(\.name))
        for type in resources {
            for field in type.fields {
                switch field.type {
                case .reference(let target?) where names.contains(target) && field.name.hasSuffix("Id"):
                    let name = String(field.name.dropLast(2))
                    linksByType[type.name, default: []].append(Link(name: name, target: target, kind: .reference(field: field.name)))
                    if let targetType = resources.first(where: { $0.name == target }), let plural = type.collectionName {
                        linksByType[targetType.name, default: []].append(
                            Link(name: plural, target: type.name, kind: .referrers(type: type.name, field: field.name)))
                    }
                case .array(.reference(let target?)) where names.contains(target) && field.name.hasSuffix("Ids"):
                    let name = String(field.name.dropLast(3)) + "s"
                    linksByType[type.name, default: []].append(Link(name: name, target: target, kind: .referenceList(field: field.name)))
                default:
                    break
                }
            }
        }
        // One link per name: a page's own reference field wins over a referrer of the same name.
        for (type, links) in linksByType {
            var seen = Set<String>(["self"])
            linksByType[type] = links.filter { seen.insert($0.name).inserted }
        }
    }

    public func links(of type: String) -> [Link] { linksByType[type] ?? [] }

    public func link(named name: String, of type: String) -> Link? {
        links(of: type).first { $0.name == name }
    }
}
