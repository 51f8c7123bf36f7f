// Fixtures of the runtime's own tests: stand-ins for generated models, and the JSON a server sends.
// (What generated packages' tests need too lives in Runtime/TestSupport, copied into each package.)

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

// Test-only model types; prefixed so they never shadow a generated model.

/// A stand-in for a generated model.
struct TestWidget: Codable, Hashable, Sendable {
    typealias ID = ResourceID<Self>
    var id: ID?
    var name: String?
    var state: TestWidgetState?
    var created: Date?
    var labels: [String: JSONValue]?
}

/// A stand-in for a generated model with nested arrays, for coding paths in decoding errors.
struct TestService: Codable, Hashable, Sendable {
    var id: String?
    var launchConfig: TestLaunchConfig?
}

/// The nested part of `TestService`.
struct TestLaunchConfig: Codable, Hashable, Sendable {
    var ports: [String]?
}

/// A stand-in for a generated open enum.
enum TestWidgetState: RancherEnum {
    case active, inactive, unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "active": self = .active
        case "inactive": self = .inactive
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .active: return "active"
        case .inactive: return "inactive"
        case .unknown(let value): return value
        }
    }
}

extension Fixture {
    static let collectionPath = "/v2-beta/projects/${PROJECT_ID}/widgets"
    static let resourcePath = "/v2-beta/projects/${PROJECT_ID}/widgets/${ID}"

    /// A widget as Rancher sends it, with the extra keys models must ignore.
    static func widgetJSON(id: String, name: String, state: String = "active",
                           created: String = "2016-05-04T18:26:01Z") -> String {
        """
        {"id":"\(id)","type":"widget","name":"\(name)","state":"\(state)","created":"\(created)",
         "links":{"self":"http://127.0.0.1/v2-beta/widgets/\(id)"},"actions":{"activate":"http://127.0.0.1/x"},
         "labels":{"tier":"web","replicas":3}}
        """
    }

    /// Retries as the default policy does, with millisecond pauses.
    static let fastRetries = RetryPolicy(
        conflictAttempts: 3, conflictDelay: .milliseconds(5),
        readAttempts: 3, readBaseDelay: .milliseconds(5), readMaxDelay: .milliseconds(20))

    /// A resource as Rancher sends it while (or after) it changes state.
    static func resourceJSON(
        id: String = "1s1", state: String, transitioning: String = "no", message: String? = nil,
        links: [String: String] = [:], removed: String? = nil
    ) -> String {
        let linkText = links.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
        return """
            {"id":"\(id)","type":"service","state":"\(state)","transitioning":"\(transitioning)",
             "transitioningMessage":\(message.map { "\"\($0)\"" } ?? "null"),"removed":\(removed.map { "\"\($0)\"" } ?? "null"),
             "links":{\(linkText)},"actions":{}}
            """
    }

    /// `base` + `path` as a URL, or a test failure.
    static func url(_ base: URL, _ path: String) throws -> URL {
        try #require(URL(string: base.absoluteString + path))
    }
}

/// How long `body` takes.
func elapsed(_ body: () async throws -> Void) async rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    return clock.now - start
}
