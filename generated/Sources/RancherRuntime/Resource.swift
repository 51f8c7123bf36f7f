// RancherRuntime: what every Rancher resource has, whatever its type.

import Foundation

/// A Rancher resource: an object with an ID, a type, `links`, `actions` and the standard fields that
/// every resource carries (Rancher's API conventions), whether or not its documentation lists them.
///
/// A model declares the fields its documentation lists; the standard fields it does not declare are read
/// from `jsonObject` by the properties below, typed. So every resource has them all, and no model carries
/// code for fields its docs never named.
///
/// Every generated resource model conforms, and so does ``Resource``, the model of the types the
/// documentation does not describe.
public protocol RancherResource: RancherModel {
    /// The API's name for this model's type, e.g. `service`.
    static var apiTypeName: String { get }
    /// The resource's ID, e.g. `1s5`.
    var id: ResourceID<Self>? { get }
    /// The resource's type as the server names it, e.g. `service`.
    var type: String? { get }
    /// The type it is a kind of, e.g. `service` for a `loadBalancerService`.
    var baseType: String? { get }
    /// Its lifecycle state as the server spells it, e.g. `active` or `removed`.
    var stateText: String? { get }
    /// Whether the resource is changing state (`yes`), settled (`no`) or failed to change (`error`).
    var transitioning: Transitioning? { get }
    /// What the transition is doing, or why it failed.
    var transitioningMessage: String? { get }
    /// Named URLs of related resources and collections (`self`, `instances`, `stack`, …).
    var links: [String: String]? { get }
    /// The actions valid in the resource's current state, by name, with their URLs.
    var actions: [String: String]? { get }
    /// When the resource was removed; `nil` while it exists.
    var removed: Date? { get }
    /// Every key the server sent that the model has no property for, and documented keys sent as `null`.
    var additionalFields: [String: JSONValue] { get }
}

/// The standard fields a model does not declare, read from its object. A model that declares one (its
/// documentation lists it) has its own property, which takes precedence.
extension RancherResource {
    /// The resource's ID, e.g. `1s5`.
    public var id: ResourceID<Self>? { jsonObject[member: "id"] }
    /// The resource's type as the server names it, e.g. `service`.
    public var type: String? { jsonObject[member: "type"] }
    /// The type it is a kind of, e.g. `service` for a `loadBalancerService`.
    public var baseType: String? { jsonObject[member: "baseType"] }
    /// Its lifecycle state as the server spells it.
    public var stateText: String? { jsonObject[member: "state"] }
    /// Whether the resource is changing state.
    public var transitioning: Transitioning? { jsonObject[member: "transitioning"] }
    /// What the transition is doing, or why it failed.
    public var transitioningMessage: String? { jsonObject[member: "transitioningMessage"] }
    /// Named URLs of related resources and collections (`self`, `instances`, `stack`, …).
    public var links: [String: String]? { jsonObject["links"]?.stringMembers }
    /// The actions valid in the resource's current state, by name, with their URLs.
    public var actions: [String: String]? { jsonObject["actions"]?.stringMembers }
    /// When the resource was removed; `nil` while it exists.
    public var removed: Date? { jsonObject[member: "removed"] }
    /// The resource's name.
    public var name: String? { jsonObject[member: "name"] }
    /// A description of the resource.
    public var description: String? { jsonObject[member: "description"] }
    /// An estimate of how far the transition is, from 0 to 100.
    public var transitioningProgress: Int? { jsonObject[member: "transitioningProgress"] }
    /// When the resource was created.
    public var created: Date? { jsonObject[member: "created"] }
    /// When the resource was created, in milliseconds since 1970.
    public var createdTS: Int? { jsonObject[member: "createdTS"] }
    /// When the resource was removed, in milliseconds since 1970.
    public var removedTS: Int? { jsonObject[member: "removedTS"] }
    /// When the resource will be purged after its removal.
    public var removeTime: Date? { jsonObject[member: "removeTime"] }
    /// A universally unique identifier for the resource.
    public var uuid: String? { jsonObject[member: "uuid"] }
    /// A more specific sub-type of the resource.
    public var kind: String? { jsonObject[member: "kind"] }
    /// The ID of the account (environment) the resource belongs to.
    public var accountID: String? { jsonObject[member: "accountId"] }
}

/// The standard fields every resource has, with the type `RancherResource` reads them as: what
/// `typeMismatches()` checks on a resource whose page does not declare them. `links` and `actions` are left
/// out: they are read leniently (the members that are strings).
enum ResourceStandardFields {
    static let memberTypes: [String: any JSONConvertible.Type] = [
        "id": String.self, "type": String.self, "baseType": String.self, "state": String.self,
        "transitioning": Transitioning.self, "transitioningMessage": String.self, "transitioningProgress": Int.self,
        "removed": Date.self, "name": String.self, "description": String.self, "created": Date.self,
        "createdTS": Int.self, "removedTS": Int.self, "removeTime": Date.self, "uuid": String.self,
        "kind": String.self, "accountId": String.self,
    ]
}

extension JSONValue {
    /// The members of an object that are strings (a resource's `links` and `actions`).
    var stringMembers: [String: String]? {
        guard case .object(let members) = self else { return nil }
        return members.compactMapValues(\.stringValue)
    }
}

extension RancherResource {
    /// Whether the server lists `action` among the actions valid in the resource's current state.
    ///
    /// Rancher lists only those (`actions` in the resource); any other answers `422 ActionNotAvailable`.
    public func isActionAvailable(_ action: String) -> Bool {
        actions?[action] != nil
    }

    /// The URL of the link `name` (`self`, `instances`, …), when the resource has it.
    public func link(_ name: String) -> URL? {
        links?[name].flatMap(URL.init(string:))
    }

    /// The resource's ID, for a call that needs it.
    ///
    /// - Throws: `RancherError.missingID` when the value has none (a model built locally, not read from the server).
    public func requireID() throws -> ResourceID<Self> {
        guard let id else { throw RancherError.missingID(type: Self.apiTypeName) }
        return id
    }

    /// The resource's ID for running `action` on it, after checking that the action is available.
    ///
    /// As go-rancher and gdapi-python do, an action that the resource's `actions` does not list is refused
    /// here, without a request. A value with no `actions` at all (built locally) is not checked.
    /// - Throws: `RancherError.actionNotAvailable`, or `RancherError.missingID`.
    public func requireID(forAction action: String) throws -> ResourceID<Self> {
        let id = try requireID()
        if let actions, actions[action] == nil {
            throw RancherError.actionNotAvailable(
                action: action, type: Self.apiTypeName, id: id.rawValue, state: stateText, available: actions.keys.sorted())
        }
        return id
    }

    /// A collection the server embedded under `link` because the request asked to `include` it.
    ///
    /// - Returns: `nil` when the response holds no such key.
    public func included<Element: Decodable>(_ link: String, as type: [Element].Type = [Element].self) throws -> [Element]? {
        guard let value = jsonObject[link], value != .null else { return nil }
        return try value.decoded(as: [Element].self)
    }
}

/// Whether a resource is changing state.
public enum Transitioning: RancherEnum {
    /// A transition is under way (`yes`).
    case yes
    /// The resource is settled (`no`).
    case no
    /// The last transition failed (`error`); `transitioningMessage` says why.
    case error
    /// A value this SDK does not know.
    case unknown(String)

    /// The case for an API value.
    public init(rawValue: String) {
        switch rawValue {
        case "yes": self = .yes
        case "no": self = .no
        case "error": self = .error
        default: self = .unknown(rawValue)
        }
    }

    /// The value the API uses.
    public var rawValue: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .error: "error"
        case .unknown(let value): value
        }
    }
}

/// A resource of a type the documentation does not describe (the server's `token`, say), or that a
/// generic call cannot know in advance: the standard fields (see ``RancherResource``), and every other
/// member as JSON.
public struct Resource: RancherResource {
    /// Not a type of the API: a resource of any type.
    public static var apiTypeName: String { "resource" }
    /// The identifier of a resource of any type.
    public typealias ID = ResourceID<Resource>
    /// None: the standard fields are read by `RancherResource`, every member is additional.
    public static var memberTypes: [String: any JSONConvertible.Type] { [:] }

    /// Every member, as the server sent it.
    public var jsonObject: [String: JSONValue]

    /// A resource over the members of a JSON object.
    public init(jsonObject: [String: JSONValue]) {
        self.jsonObject = jsonObject
    }

    /// Its lifecycle state.
    public var state: String? { stateText }
}

extension JSONValue {
    /// The value decoded as `T`: converted directly when `T` is a model (or an array, a dictionary, a page
    /// of them, or a scalar), else through the client's own JSON coders.
    public func decoded<T: Decodable>(as type: T.Type = T.self) throws -> T {
        if let convertible = T.self as? any JSONConvertible.Type, let value = convertible.init(jsonValue: self) as? T {
            return value
        }
        // No direct conversion, or it failed: the coders say why, with the coding path (`data[3]`).
        return try RancherCoding.makeDecoder().decode(T.self, from: RancherCoding.makeEncoder().encode(self))
    }

    /// What kind of JSON value this is, for messages.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a Boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// An SDK's resource models by the API's type name; a generated SDK's `ResourceTypes` is one. For code that meets
/// resources of any type (events, `include`d links, recorded responses) and wants each as its own model.
public protocol ResourceModelCatalog {
    /// The model of the resource type `name` (`service`), or `nil` for a type the SDK has no model for.
    static func model(named name: String) -> (any RancherResource.Type)?
}

extension ResourceModelCatalog {
    /// Decodes a resource as the model of its `type` (else of its `baseType`), or as `Resource` when the
    /// SDK has no model for either.
    public static func decode(_ json: Data) throws -> any RancherResource {
        let value = try JSONValue(parsing: json)
        guard case .object(let members) = value else {
            throw DecodingError.typeMismatch(Resource.self, DecodingError.Context(
                codingPath: [], debugDescription: "A resource is a JSON object, not \(value.kindDescription)."))
        }
        return resource(jsonObject: members)
    }

    /// The resource a JSON object holds, as the model of its `type` (else of its `baseType`), or as
    /// `Resource` when the SDK has no model for either.
    public static func resource(jsonObject members: [String: JSONValue]) -> any RancherResource {
        let header = Resource(jsonObject: members)
        guard let model = header.type.flatMap(model(named:)) ?? header.baseType.flatMap(model(named:)) else { return header }
        return model.init(jsonObject: members)
    }
}
