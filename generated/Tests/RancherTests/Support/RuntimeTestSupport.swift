// RancherRuntime tests: a client on the loopback server, for the runtime's tests and every generated package's.

import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_spi(Generated) @testable import RancherRuntime

enum Fixture {
    static let accessKey = "AK-TESTACCESS1"
    static let secretKey = "SK-s3cr3t-Value-42"
    static let projectID = "1a5"

    /// Decodes with the client's own decoder.
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try RancherCoding.makeDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// Encodes with the client's own encoder (sorted keys).
    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try RancherCoding.makeEncoder().encode(value), as: UTF8.self)
    }

    /// A session configuration for loopback tests: no proxy, no cache, short timeouts.
    static var sessionConfiguration: URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        // An HTTP proxy from the environment must never see loopback traffic.
        configuration.connectionProxyDictionary = [:]
        configuration.urlCache = nil
        // Hang guards, not behaviour: the runtime sets each request's own timeout.
        configuration.timeoutIntervalForRequest = 60
        configuration.timeoutIntervalForResource = 300
        return configuration
    }

    /// One transport for all tests: a session with a delegate lives until invalidated.
    static let transport = URLSessionTransport(configuration: sessionConfiguration)

    /// Polls fast; the timeout only stops a broken test (a suite running on two busy cores can hold a poll back for
    /// ~20 s, seen when apigen's whole suite ran at once).
    static let fastWaits = WaitPolicy(initialDelay: .milliseconds(5), maxDelay: .milliseconds(20), timeout: .seconds(120))

    /// The tests' configuration: no retries (each test queues exactly the responses it expects) and fast waits.
    static let configuration = RancherClient.Configuration(
        timeout: .seconds(10), retryPolicy: .none, waitPolicy: fastWaits)

    static func client(
        for server: LoopbackServer, projectID: String? = Fixture.projectID,
        configuration: RancherClient.Configuration = Fixture.configuration
    ) -> RancherClient {
        client(baseURL: server.baseURL, projectID: projectID, configuration: configuration)
    }

    static func client(
        baseURL: URL, projectID: String? = Fixture.projectID,
        configuration: RancherClient.Configuration = Fixture.configuration
    ) -> RancherClient {
        RancherClient(
            baseURL: baseURL,
            accessKey: accessKey,
            secretKey: secretKey,
            projectID: projectID,
            configuration: configuration,
            transport: transport
        )
    }

}

/// Runs `body` and returns the error it throws, or nil when it throws none.
func thrownError(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
