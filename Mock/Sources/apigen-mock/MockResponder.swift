import Foundation
import HTTPTypes
import Hummingbird
import RancherMock

/// Hummingbird's side: HTTP in, `MockServer` decides, HTTP out. Bodies over the limit are refused before
/// they are read whole.
struct MockResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: MockServer

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        var body: [UInt8] = []
        var tooLarge = request.headers[.contentLength].flatMap(Int.init).map { $0 > MockOptions.maximumBodyBytes } ?? false
        if !tooLarge {
            do {
                let buffer = try await request.collectBody(upTo: MockOptions.maximumBodyBytes)
                body = Array(buffer.readableBytesView)
            } catch {
                tooLarge = true
            }
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let host = request.head.authority ?? headers["host"] ?? "localhost"
        var mockRequest = MockRequest(method: request.method.rawValue, path: request.uri.path, query: Self.queryItems(request.uri.query),
                                      headers: headers, body: body, origin: "http://" + host)
        mockRequest.bodyExceedsLimit = tooLarge  // the server answers 413 with its error body
        let answer = server.handle(mockRequest)
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields[name] = header.value }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// Query items decoded as a form: `+` is a space (Python's requests writes spaces so).
    static func queryItems(_ query: String?) -> [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
