/// How resources move between states, as Cattle's process definitions do: each transition names the states
/// it starts from, the transitioning state it shows while the work runs (`--transition-delay`), and where it
/// ends. An action the table does not know changes no state and is available whenever the resource is
/// settled and not removed. A resource's `actions` map lists exactly what is available in its current state.
public enum Lifecycle {
    public struct Transition: Sendable, Hashable {
        /// `nil`: any settled state but the removed ones.
        public var from: Set<String>?
        public var transitioning: String
        /// `nil`: back to the state it started from (`restart`).
        public var to: String?
    }

    static let removedStates: Set<String> = ["removed", "purged"]

    public static let transitions: [String: Transition] = [
        "activate": Transition(from: ["inactive", "registering"], transitioning: "activating", to: "active"),
        "deactivate": Transition(from: ["active", "upgraded", "canceled-upgrade"], transitioning: "deactivating", to: "inactive"),
        "remove": Transition(from: nil, transitioning: "removing", to: "removed"),
        "purge": Transition(from: ["removed"], transitioning: "purging", to: "purged"),
        "restore": Transition(from: ["removed"], transitioning: "restoring", to: "inactive"),
        "start": Transition(from: ["stopped", "created"], transitioning: "starting", to: "running"),
        "stop": Transition(from: ["running"], transitioning: "stopping", to: "stopped"),
        "restart": Transition(from: ["running", "active"], transitioning: "restarting", to: nil),
        "upgrade": Transition(from: ["active", "inactive"], transitioning: "upgrading", to: "upgraded"),
        "finishupgrade": Transition(from: ["upgraded"], transitioning: "finishing-upgrade", to: "active"),
        "cancelupgrade": Transition(from: ["upgrading", "upgraded"], transitioning: "canceling-upgrade", to: "canceled-upgrade"),
        "continueupgrade": Transition(from: ["canceled-upgrade"], transitioning: "upgrading", to: "upgraded"),
        "rollback": Transition(from: ["upgraded", "canceled-upgrade"], transitioning: "rolling-back", to: "active"),
        "evacuate": Transition(from: ["active", "inactive"], transitioning: "evacuating", to: "inactive"),
    ]

    /// The transition a new resource makes: hosts register, containers start, the rest activate.
    public static func creation(of type: MockCatalog.ResourceType) -> Transition {
        if type.name == "host" { return Transition(from: nil, transitioning: "registering", to: "active") }
        if type.action(named: "stop") != nil { return Transition(from: nil, transitioning: "starting", to: "running") }
        return Transition(from: nil, transitioning: "activating", to: "active")
    }

    /// `DELETE` is the `remove` transition.
    public static let deletion = transitions["remove"]!

    /// Whether `action` may run now. Unknown actions, like known ones with no `from`, need a settled,
    /// not-removed resource.
    public static func isAvailable(_ action: String, state: String, transitioning: Bool) -> Bool {
        guard !transitioning else { return false }
        guard let transition = transitions[action], let from = transition.from else {
            return !removedStates.contains(state)
        }
        return from.contains(state)
    }
}
