// Copied into a generated corpus SDK by scripts/check-corpus-sdk (not part of apigen's own test target):
// every recorded server response in $APIGEN_RESPONSE_FIXTURES decodes with the SDK's models, every member
// the docs type reads with that type (no `typeMismatches()`), and encoding the decoded value gives back every
// key and value (key order, whitespace and the spelling of equal dates aside).

import Foundation
import Testing
@testable import RancherSDK
@_spi(Generated) @testable import RancherRuntime

@Suite("Recorded server responses")
struct RecordedResponseTests {
    static func responseFiles() throws -> [URL] {
        guard let folder = ProcessInfo.processInfo.environment["APIGEN_RESPONSE_FIXTURES"] else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
            .map { URL(fileURLWithPath: folder).appendingPathComponent($0) }
    }

    @Test("the fixture folder is set and holds responses")
    func fixturesArePresent() throws {
        #expect(try Self.responseFiles().count >= 8, "set APIGEN_RESPONSE_FIXTURES to a folder of responses")
    }

    @Test("every response decodes and encodes back to the same JSON", arguments: try responseFiles())
    func roundTrip(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        switch json["type"] as? String {
        case "collection":
            let items = try #require(json["data"] as? [Any])
            let resourceType = json["resourceType"] as? String
            for (index, item) in items.enumerated() {
                let itemData = try JSONSerialization.data(withJSONObject: item)
                try expectRoundTrip(itemData, resourceType: resourceType, at: "\(file.lastPathComponent) data[\(index)]")
            }
            // The collection itself, with every item as the generic resource: back to the same JSON too.
            let page = try RancherCoding.makeDecoder().decode(Page<Resource>.self, from: data)
            #expect(page.data.count == items.count)
            let decoder = RancherCoding.makeDecoder()
            var differences: [String] = []
            JSONComparison.compare(
                try decoder.decode(JSONValue.self, from: data),
                try decoder.decode(JSONValue.self, from: RancherCoding.makeEncoder().encode(page)),
                path: file.lastPathComponent, into: &differences)
            #expect(differences.isEmpty, "\(differences.prefix(10))")
        case "error":
            let error = try RancherCoding.makeDecoder().decode(APIError.self, from: data)
            #expect(error.status == json["status"] as? Int)
            #expect(error.code == json["code"] as? String)
            #expect(error.fieldName == json["fieldName"] as? String)
        default:
            try expectRoundTrip(data, resourceType: nil, at: file.lastPathComponent)
        }
    }

    /// Decodes with the model of the object's `type` (`schema` and `apiVersion` have runtime models) and
    /// compares the re-encoded JSON with the original.
    private func expectRoundTrip(_ data: Data, resourceType: String?, at place: String) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let type = object["type"] as? String ?? resourceType
        let encoded: Data
        switch type {
        case "schema": encoded = try Self.reencode(Schema.self, data)
        case "apiVersion": encoded = try Self.reencode(APIVersion.self, data)
        default:
            let resource = try ResourceTypes.decode(data)
            if let type, ResourceTypes.model(named: type) != nil || (object["baseType"] as? String).flatMap(ResourceTypes.model(named:)) != nil {
                #expect(!(resource is Resource), "\(place): \(type) decoded as the generic Resource")
            }
            // Every documented member has the documented type: what the server sent reads typed, not as nil.
            #expect(resource.typeMismatches().isEmpty, "\(place): \(resource.typeMismatches())")
            encoded = try RancherCoding.makeEncoder().encode(resource)
        }
        let decoder = RancherCoding.makeDecoder()
        var differences: [String] = []
        JSONComparison.compare(
            try decoder.decode(JSONValue.self, from: data), try decoder.decode(JSONValue.self, from: encoded),
            path: place, into: &differences)
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    private static func reencode<T: Codable>(_ type: T.Type, _ data: Data) throws -> Data {
        try RancherCoding.makeEncoder().encode(RancherCoding.makeDecoder().decode(T.self, from: data))
    }
}

/// Structural JSON equality; two strings that are the same ISO 8601 instant are equal.
enum JSONComparison {
    static func compare(_ lhs: JSONValue, _ rhs: JSONValue, path: String, into differences: inout [String]) {
        switch (lhs, rhs) {
        case let (.object(left), .object(right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                guard let leftValue = left[key] else { differences.append("\(path).\(key): added"); continue }
                guard let rightValue = right[key] else { differences.append("\(path).\(key): lost"); continue }
                compare(leftValue, rightValue, path: "\(path).\(key)", into: &differences)
            }
        case let (.array(left), .array(right)):
            guard left.count == right.count else { differences.append("\(path): \(left.count) → \(right.count) elements"); return }
            for (index, (leftValue, rightValue)) in zip(left, right).enumerated() {
                compare(leftValue, rightValue, path: "\(path)[\(index)]", into: &differences)
            }
        case let (.string(left), .string(right)) where left != right:
            if ISO8601Timestamp.date(from: left).map({ $0 != ISO8601Timestamp.date(from: right) }) ?? true {
                differences.append("\(path): \"\(left)\" → \"\(right)\"")
            }
        default:
            if lhs != rhs { differences.append("\(path): \(lhs) → \(rhs)") }
        }
    }
}
