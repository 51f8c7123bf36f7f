import ApigenKit

/// An error the API answers with, in Cattle's body: `{"type":"error","status":422,"code":"MissingRequired",
/// "fieldName":"name",…}`. Every refused request gets one, and changes nothing.
public struct MockError: Error, Sendable, Hashable {
    public var status: Int
    public var code: String
    public var message: String?
    public var fieldName: String?

    public init(_ status: Int, _ code: String, _ message: String? = nil, fieldName: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.fieldName = fieldName
    }

    public static func notFound(_ message: String? = nil) -> MockError { MockError(404, "NotFound", message) }
    public static func validation(_ code: String, field: String, _ message: String? = nil) -> MockError {
        MockError(422, code, message, fieldName: field)
    }
    public static func methodNotAllowed(_ method: String) -> MockError {
        MockError(405, "MethodNotAllowed", "\(method) is not allowed here")
    }

    var body: OrderedJSON {
        var members: [OrderedJSON.Member] = [
            .init(key: "id", value: .string(code)),
            .init(key: "type", value: "error"),
            .init(key: "links", value: .object([])),
            .init(key: "actions", value: .object([])),
            .init(key: "baseType", value: "error"),
            .init(key: "status", value: .number(status)),
            .init(key: "code", value: .string(code)),
            .init(key: "message", value: .string(orNull: message)),
            .init(key: "detail", value: .null),
        ]
        if let fieldName { members.append(.init(key: "fieldName", value: .string(fieldName))) }
        return .object(members)
    }
}
