// RancherRuntime tests: How responses and failures become errors, over real HTTP on 127.0.0.1.

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

@Suite("Runtime errors")
struct RuntimeErrorTests {
    private typealias Server = LoopbackServer

    /// Sends a GET of one widget and returns the `RancherError` it throws.
    private func failure(_ client: RancherClient) async -> RancherError? {
        let error = await thrownError {
            _ = try await client.send(APIRequest(method: "GET", path: Fixture.resourcePath, id: "1w1"), decoding: TestWidget.self)
        }
        if let error, !(error is RancherError) { Issue.record("not a RancherError: \(error)") }
        return error as? RancherError
    }

    private func errorBody(_ status: Int, _ code: String) -> String {
        #"{"id":"e1","type":"error","status":\#(status),"code":"\#(code)","message":"m\#(status)","detail":null}"#
    }

    @Test("Each error status has its own case, carrying the error body")
    func statusCases() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            let codes = [401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed",
                         409: "Conflict", 500: "ServerError"]
            for status in codes.keys.sorted() {
                server.enqueueJSON(errorBody(status, codes[status] ?? ""), status: status)
            }
            for status in codes.keys.sorted() {
                let error = await failure(client)
                let matches: Bool = switch (status, error) {
                case (401, .unauthorized?), (403, .forbidden?), (404, .notFound?), (405, .methodNotAllowed?),
                     (409, .conflict?), (500, .api?): true
                default: false
                }
                #expect(matches, "\(status) gave \(String(describing: error))")
                #expect(error?.apiError == APIError(id: "e1", status: status, code: codes[status], message: "m\(status)"))
                #expect(error?.status == status)
                #expect(error?.isNotFound == (status == 404))
            }
        }
    }

    @Test("A 401 with a Basic challenge, as Rancher answers a bad key, is the error, not a wait",
          .timeLimit(.minutes(1)))
    func challengedUnauthorized() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            var challenge = LoopbackServer.Response.json(errorBody(401, "Unauthorized"), status: 401)
            challenge.headers["WWW-Authenticate"] = #"Basic realm="Enter API access key and secret key as username and password""#
            server.enqueue(challenge)
            let error = await failure(client)
            guard case .unauthorized(let body)? = error else {
                Issue.record("a challenged 401 gave \(String(describing: error))")
                return
            }
            #expect(error?.status == 401)
            #if !canImport(FoundationNetworking)
            #expect(body.code == "Unauthorized")  // swift-corelibs-foundation does not keep a challenged body
            #else
            _ = body
            #endif
        }
    }

    @Test("422 keeps the code, the field name and an object detail")
    func validationError() async throws {
        try await Server.with { server in
            server.enqueueJSON(#"""
                {"id":"e2","type":"error","status":422,"code":"InvalidReference","message":"Bad ref",
                 "fieldName":"stackId","detail":{"field":"stackId","ids":[1,2]}}
                """#, status: 422)
            guard case .unprocessable(let error)? = await failure(Fixture.client(for: server)) else {
                Issue.record("expected .unprocessable")
                return
            }
            #expect(error == APIError(id: "e2", status: 422, code: "InvalidReference", message: "Bad ref", fieldName: "stackId",
                                      detail: ["field": "stackId", "ids": [1, 2]]))
            #expect(error.description.contains("stackId"))
        }
    }

    @Test("A status without a Rancher error body: its own case when it has one, else unexpectedStatus with the body")
    func bodiesThatAreNotErrors() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            server.enqueue(.init(status: 404, body: Data("404 page not found".utf8)))
            server.enqueue(.init(status: 502, body: Data("<html>Bad Gateway</html>".utf8)))
            server.enqueueJSON(#"{"type":"widget","id":"x"}"#, status: 500)
            let missing = await failure(client)
            #expect(missing?.isNotFound == true)
            #expect(missing?.apiError == APIError(status: 404))
            guard case let .unexpectedStatus(status, body)? = await failure(client) else {
                Issue.record("expected .unexpectedStatus")
                return
            }
            #expect(status == 502)
            #expect(String(decoding: body, as: UTF8.self) == "<html>Bad Gateway</html>")
            guard case .unexpectedStatus(500, _)? = await failure(client) else {
                Issue.record("a JSON body that is not an error must stay unexpectedStatus")
                return
            }
        }
    }

    @Test("A 200 whose body is a Rancher error is an error: by its status, else api")
    func successfulStatusWithErrorBody() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            server.enqueueJSON(#"{"type":"error","status":422,"code":"ActionNotAvailable","fieldName":"action"}"#)
            server.enqueueJSON(#"{"type":"error","code":"Oops","message":"no status"}"#)
            guard case .unprocessable(let error)? = await failure(client) else {
                Issue.record("expected .unprocessable")
                return
            }
            #expect(error.code == "ActionNotAvailable")
            #expect(error.fieldName == "action")
            guard case .api(let other)? = await failure(client) else {
                Issue.record("expected .api")
                return
            }
            #expect(other.status == 200)
            #expect(other.code == "Oops")
        }
    }

    @Test("A decoding failure names the type, the coding path and the start of the body")
    func decodingFailure() async throws {
        try await Server.with { server in
            let body = #"{"data":[{"id":"a"},{"id":"b","launchConfig":{"ports":["80:80",8080]}}]}"#
            server.enqueueJSON(body)
            let request = APIRequest(method: "GET", path: "/v2-beta/services")
            let error = await thrownError { _ = try await Fixture.client(for: server).page(request, of: TestService.self) }
            guard case .decoding(let failure)? = error as? RancherError else {
                Issue.record("expected .decoding, got \(String(describing: error))")
                return
            }
            #expect(failure.typeName.contains("Page<TestService>"))
            #expect(failure.codingPath == "data[1].launchConfig.ports[1]")
            #expect(failure.bodySnippet == body)
            #expect(failure.underlying is DecodingError)
            #expect(failure.description.contains("data[1].launchConfig.ports[1]"))
        }
    }

    @Test("A 2xx body that is not JSON, truncated, or empty is a decoding failure with the snippet")
    func unreadableBodies() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            let long = "<html>" + String(repeating: "x", count: 500) + "</html>"
            server.enqueue(.init(status: 200, headers: ["Content-Type": "text/html"], body: Data(long.utf8)))
            server.enqueueJSON(#"{"id":"1w1","name":"tru"#)
            server.enqueue(.init(status: 200))
            guard case .decoding(let html)? = await failure(client) else {
                Issue.record("HTML: expected .decoding")
                return
            }
            #expect(html.bodySnippet == String(long.prefix(200)))
            #expect(html.typeName == "TestWidget")
            guard case .decoding(let truncated)? = await failure(client) else {
                Issue.record("truncated: expected .decoding")
                return
            }
            #expect(truncated.bodySnippet == #"{"id":"1w1","name":"tru"#)
            guard case .decoding(let empty)? = await failure(client) else {
                Issue.record("empty: expected .decoding")
                return
            }
            #expect(empty.bodySnippet.isEmpty)
        }
    }

    @Test("sendAllowingEmptyBody gives nil for an empty 2xx body and the value otherwise")
    func emptyBodies() async throws {
        try await Server.with { server in
            let client = Fixture.client(for: server)
            server.enqueue(.init(status: 204))
            server.enqueueJSON(Fixture.widgetJSON(id: "1w1", name: "gone", state: "removing"))
            let request = APIRequest(method: "DELETE", path: Fixture.resourcePath, id: "1w1")
            #expect(try await client.sendAllowingEmptyBody(request, decoding: TestWidget.self) == nil)
            let removing = try await client.sendAllowingEmptyBody(request, decoding: TestWidget.self)
            #expect(removing?.state == .unknown("removing"))
        }
    }

    @Test("A transport error keeps the underlying error")
    func transportError() async throws {
        let error = try await LoopbackSocket.withRefusingPort { refusing in await failure(Fixture.client(baseURL: refusing)) }
        guard case .transport(let underlying)? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(underlying is URLError)
        #expect(error?.status == nil)
    }

    @Test("Cancelling the task surfaces as CancellationError, before the server answers")
    func cancellation() async throws {
        try await Server.with { server in
            // The server answers after 120 s (stopping it ends the wait), and the request may take as long: only the
            // cancellation can end it sooner, however long the busy suite holds the test back.
            server.enqueue(.init(status: 200, body: Data("{}".utf8), delay: .seconds(120)))
            var configuration = Fixture.configuration
            configuration.timeout = .seconds(120)
            let client = Fixture.client(for: server, configuration: configuration)
            let task = Task {
                try await client.send(APIRequest(method: "GET", path: Fixture.resourcePath, id: "1w1"), decoding: TestWidget.self)
            }
            let time = await elapsed {
                try? await Task.sleep(for: .milliseconds(200))
                task.cancel()
                let result = await task.result
                guard case .failure(let error) = result else {
                    Issue.record("the request succeeded")
                    return
                }
                #expect(error is CancellationError, "\(error)")
            }
            #expect(time < .seconds(120), "ended before the server's delayed answer")
        }
    }
}
