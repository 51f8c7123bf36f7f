import ApigenKit
import Foundation

/// One resource as the store keeps it: its fields in response order (standard and documented ones, and
/// any undocumented key a client sent in a nested object), and the transition still running, if any.
public struct StoredResource: Sendable, Hashable {
    public struct Pending: Sendable, Hashable {
        public var state: String
        /// Milliseconds since 1970 when the transition ends.
        public var at: Int64
    }

    public var id: String
    public var type: String
    /// The number in the ID; lists sort by it.
    public var number: Int
    /// The fields in response order.
    public private(set) var members: [OrderedJSON.Member]
    /// Where each field is in `members`: a list filters thousands of resources by a field or two.
    private var positions: [String: Int]
    public var pending: Pending?

    public var fields: OrderedJSON { .object(members) }

    /// Kept beside the fields: lists test them on every resource.
    public private(set) var state = ""
    public private(set) var isRemoved = false
    public private(set) var isTransitioning = false

    private mutating func refreshFlags() {
        state = self["state"]?.stringValue ?? ""
        isTransitioning = self["transitioning"]?.stringValue == "yes"
        isRemoved = Lifecycle.removedStates.contains(state) || (self["removed"].map { !$0.isNull } ?? false)
    }

    public subscript(field: String) -> OrderedJSON? {
        get { positions[field].map { members[$0].value } }
        set {
            if let index = positions[field] {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                    positions = Self.positions(of: members)
                }
            } else if let newValue {
                positions[field] = members.count
                members.append(OrderedJSON.Member(key: field, value: newValue))
            }
            if field == "state" || field == "transitioning" || field == "removed" { refreshFlags() }
        }
    }

    private static func positions(of members: [OrderedJSON.Member]) -> [String: Int] {
        Dictionary(members.enumerated().map { ($1.key, $0) }) { first, _ in first }
    }


    /// Starts `transition`'s work: the transitioning state now, its end state once `delay` has passed.
    mutating func begin(_ transition: Lifecycle.Transition, now: Int64, delay: Int64) {
        let end = transition.to ?? state
        self["state"] = .string(transition.transitioning)
        self["transitioning"] = "yes"
        self["transitioningMessage"] = "In Progress"
        self["transitioningProgress"] = .null
        pending = Pending(state: end, at: now + delay)
    }

    /// Finishes the running transition if its time has come; `true` when something changed.
    @discardableResult
    mutating func settle(now: Int64) -> Bool {
        guard let pending, pending.at <= now else { return false }
        self["state"] = .string(pending.state)
        self["transitioning"] = "no"
        self["transitioningMessage"] = .null
        self["transitioningProgress"] = .null
        if pending.state == "removed" {
            self["removed"] = .string(Timestamp.iso8601(pending.at))
            self["removedTS"] = .number(String(pending.at))
        }
        self.pending = nil
        return true
    }

    /// The journal's line: `{"resource":{…},"pending":{"state":"active","at":…}}`.
    var journalRecord: OrderedJSON {
        var members: [OrderedJSON.Member] = [.init(key: "resource", value: fields)]
        if let pending {
            members.append(.init(key: "pending", value: .object([
                "state": .string(pending.state), "at": .number(String(pending.at)),
            ])))
        }
        return .object(members)
    }

    init(id: String, type: String, number: Int, fields: OrderedJSON, pending: Pending? = nil) {
        self.id = id
        self.type = type
        self.number = number
        members = fields.members ?? []
        positions = Self.positions(of: members)
        self.pending = pending
        refreshFlags()
    }

    /// The number an ID ends with (`1s5` → 5).
    static func number(inID id: String) -> Int? {
        Int(String(id.reversed().prefix(while: \.isNumber).reversed()))
    }

    /// A journal line back into a resource; `nil` for a line that is not one.
    init?(journalRecord record: OrderedJSON) {
        guard let fields = record["resource"], let id = fields["id"]?.stringValue, let type = fields["type"]?.stringValue,
              let number = Self.number(inID: id)
        else { return nil }
        var pending: Pending?
        if let record = record["pending"], let state = record["state"]?.stringValue,
           case .number(let at)? = record["at"], let time = Int64(at) {
            pending = Pending(state: state, at: time)
        }
        self.init(id: id, type: type, number: number, fields: fields, pending: pending)
    }
}

/// The server's clock in the API's two spellings.
enum Timestamp {
    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// `2026-11-30T18:20:00Z`, as Cattle writes dates.
    static func iso8601(_ milliseconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000).formatted(.iso8601)
    }
}
