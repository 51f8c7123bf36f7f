// RancherRuntime: waiting for a resource to finish changing state.

import Foundation

/// How a wait polls: the first pause, doubling up to a largest pause, until a deadline.
///
/// The defaults follow cattle-cli's `wait_success` (pauses growing from half a second), with a longer
/// deadline because creating a service often takes over a minute. Set `RancherClient.Configuration.waitPolicy`
/// for every wait of a client, or pass one to a single wait.
public struct WaitPolicy: Sendable, Hashable {
    /// The pause after the first poll.
    public var initialDelay: Duration
    /// The largest pause between polls.
    public var maxDelay: Duration
    /// How long a wait lasts before it fails with `RancherError.timedOut`.
    public var timeout: Duration

    /// Creates a policy.
    public init(initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(5),
                    timeout: Duration = .seconds(120)) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.timeout = timeout
    }

    /// Pauses from 0.5 s doubling to 5 s, for up to 120 s.
    public static let `default` = WaitPolicy()
}

extension RancherClient {
    /// Polls the resource at `path` (an item path with `${ID}`) until its transition ends, and returns it.
    ///
    /// Used by the generated resource clients. Polls while `transitioning` is `yes`.
    /// - Parameter policy: How to poll and for how long; `configuration.waitPolicy` when `nil`.
    /// - Throws: `RancherError.transitionFailed` with the `transitioningMessage` when the transition fails,
    ///   `RancherError.timedOut` when time runs out, `CancellationError`, or any error of a poll.
    @discardableResult
    func waitUntilSettled<Model: RancherResource>(
        _ path: String, id: ResourceID<Model>, policy: WaitPolicy? = nil
    ) async throws -> Model {
        let request = APIRequest(method: "GET", path: path, id: id.rawValue)
        return try await poll(type: Model.apiTypeName, id: id.rawValue, policy: policy) {
            try Self.settled(try await send(request, decoding: Model.self))
        }
    }

    /// Polls the resource at `path` (an item path with `${ID}`) until it is gone: state `removed` or
    /// `purged`, a `removed` date, or 404.
    ///
    /// Used by the generated resource clients.
    /// - Parameter policy: How to poll and for how long; `configuration.waitPolicy` when `nil`.
    /// - Throws: `RancherError.transitionFailed` when the removal fails, `RancherError.timedOut`,
    ///   `CancellationError`, or any error of a poll.
    func waitUntilRemoved<Model: RancherResource>(
        _ path: String, id: ResourceID<Model>, policy: WaitPolicy? = nil
    ) async throws {
        let request = APIRequest(method: "GET", path: path, id: id.rawValue)
        try await poll(type: Model.apiTypeName, id: id.rawValue, policy: policy) {
            do {
                return try Self.removed(try await send(request, decoding: Model.self)) ? () : nil
            } catch RancherError.notFound {
                return ()
            }
        }
    }

    /// Polls `resource` through its `self` link until its transition ends, and returns it.
    ///
    /// Works for any resource read from the server, including the generic ``Resource``.
    /// - Parameters:
    ///   - resource: A resource read from the server, with a `self` link.
    ///   - policy: How to poll and for how long; `configuration.waitPolicy` when `nil`.
    /// - Throws: `RancherError.missingLink` without a `self` link, `RancherError.transitionFailed`,
    ///   `RancherError.timedOut`, `CancellationError`, or any error of a poll.
    @discardableResult
    public func waitUntilSettled<Model: RancherResource>(_ resource: Model, policy: WaitPolicy? = nil) async throws -> Model {
        try await poll(type: resource.type ?? Model.apiTypeName, id: resource.id?.rawValue ?? "?", policy: policy) {
            try Self.settled(try await follow("self", of: resource, as: Model.self))
        }
    }

    /// Polls `resource` through its `self` link until it is gone: state `removed` or `purged`, a `removed`
    /// date, or 404.
    /// - Parameters:
    ///   - resource: A resource read from the server, with a `self` link.
    ///   - policy: How to poll and for how long; `configuration.waitPolicy` when `nil`.
    /// - Throws: `RancherError.missingLink` without a `self` link, `RancherError.transitionFailed`,
    ///   `RancherError.timedOut`, `CancellationError`, or any error of a poll.
    public func waitUntilRemoved<Model: RancherResource>(_ resource: Model, policy: WaitPolicy? = nil) async throws {
        try await poll(type: resource.type ?? Model.apiTypeName, id: resource.id?.rawValue ?? "?", policy: policy) {
            do {
                return try Self.removed(try await follow("self", of: resource, as: Model.self)) ? () : nil
            } catch RancherError.notFound {
                return ()
            }
        }
    }

    /// The resource when its transition is over, `nil` while it goes on.
    private static func settled<Model: RancherResource>(_ resource: Model) throws -> Model? {
        switch resource.transitioning {
        case .yes?: return nil
        case .error?: throw transitionFailure(resource)
        default: return resource
        }
    }

    /// Whether the resource is gone; a failed transition (a removal the server gave up on) throws.
    private static func removed<Model: RancherResource>(_ resource: Model) throws -> Bool {
        if resource.removed != nil || resource.stateText == "removed" || resource.stateText == "purged" { return true }
        if resource.transitioning == .error { throw transitionFailure(resource) }
        return false
    }

    private static func transitionFailure<Model: RancherResource>(_ resource: Model) -> RancherError {
        .transitionFailed(type: resource.type ?? Model.apiTypeName, id: resource.id?.rawValue ?? "?",
                          message: resource.transitioningMessage)
    }

    /// Runs `check` until it returns a value, pausing between tries as the wait policy says; a pause never
    /// goes past the deadline, and one last check runs at it.
    private func poll<Value>(
        type: String, id: String, policy: WaitPolicy?, _ check: () async throws -> Value?
    ) async throws -> Value {
        let policy = policy ?? configuration.waitPolicy
        let limit = policy.timeout
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        var delay = policy.initialDelay
        while true {
            if let value = try await check() { return value }
            let remaining = deadline - clock.now
            guard remaining > .zero else { throw RancherError.timedOut(type: type, id: id, after: limit) }
            try await Task.sleep(for: min(delay, remaining))
            delay = min(delay * 2, policy.maxDelay)
        }
    }
}
