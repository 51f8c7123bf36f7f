/// What every Rancher resource carries whatever its page says: rancher/api-spec's resource fields and
/// Cattle's common fields, as the real server sends them. Resource pages hide the common fields, the common
/// page is not always among the inputs (the seed page alone), and where it is, it gets some of them wrong
/// (`removed | bool`; the server sends a date). The emitter adds these to every resource model; the page's
/// and the common page's own fields come first.
public enum ResourceConventions {
    /// A standard field and whether its type is fixed by the conventions. Fixed fields are the ones a
    /// generic client relies on (`RancherResource` in the runtime): their type is the convention's even
    /// where a page says otherwise.
    public struct StandardField: Sendable, Hashable {
        public var field: Field
        public var isFixed: Bool
    }

    public static let standardFields: [StandardField] = [
        fixed("id", .scalar(.string), "The resource's identifier, e.g. `1s5`."),
        fixed("type", .scalar(.string), "The resource's type as the server names it."),
        fixed("baseType", .scalar(.string), "The type this resource is a kind of, e.g. `service`."),
        fixed("links", .map(.scalar(.string)), "Named URLs of related resources and collections (`self`, …)."),
        fixed("actions", .map(.scalar(.string)), "The actions valid in the resource's current state, with their URLs."),
        common("name", .scalar(.string), "The resource's name."),
        common("description", .scalar(.string), "A description of the resource."),
        common("state", .scalar(.string), "The resource's current state."),
        fixed("transitioning", .scalar(.enum), "Whether the resource is changing state: `yes`, `no` or `error`.",
              options: ["yes", "no", "error"]),
        fixed("transitioningMessage", .scalar(.string), "What the transition is doing, or the error that stopped it."),
        common("transitioningProgress", .scalar(.int), "An estimate of how far the transition is, from 0 to 100."),
        common("created", .scalar(.date), "When the resource was created."),
        common("createdTS", .scalar(.int), "When the resource was created, in milliseconds since 1970."),
        fixed("removed", .scalar(.date), "When the resource was removed; `null` while it exists."),
        common("removedTS", .scalar(.int), "When the resource was removed, in milliseconds since 1970."),
        common("removeTime", .scalar(.date), "When the resource will be purged after its removal."),
        common("uuid", .scalar(.string), "A universally unique identifier for the resource."),
        common("kind", .scalar(.string), "A more specific sub-type of the resource."),
        common("accountId", .reference("account"), "The account (environment) the resource belongs to."),
    ]

    /// The standard field named `name`, if there is one.
    public static func standardField(named name: String) -> StandardField? {
        standardFields.first { $0.field.name == name }
    }

    /// A field `name[TS]` of the common page is two fields on the wire: `name` (a date) and `nameTS`
    /// (the same instant in epoch milliseconds).
    public static let timestampPairSuffix = "[TS]"

    private static func fixed(_ name: String, _ type: TypeRef, _ description: String, options: [String]? = nil) -> StandardField {
        StandardField(field: Field(name: name, type: type, options: options, description: description), isFixed: true)
    }

    private static func common(_ name: String, _ type: TypeRef, _ description: String) -> StandardField {
        StandardField(field: Field(name: name, type: type, description: description), isFixed: false)
    }
}
