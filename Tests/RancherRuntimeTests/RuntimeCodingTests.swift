// RancherRuntime tests: Tests of the runtime's JSON coding (no network).

import Foundation
import Testing
@_spi(Generated) @testable import RancherRuntime

@Suite("Runtime JSON coding")
struct RuntimeCodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T { try Fixture.decode(type, json) }

    private func encode(_ value: some Encodable) throws -> String { try Fixture.encode(value) }

    @Test("Dates decode with and without fractional seconds and with offsets")
    func dates() throws {
        let whole = 1_462_386_361.0 // 2016-05-04T18:26:01Z
        let cases: [(String, Double)] = [
            ("2016-05-04T18:26:01Z", whole),
            ("2016-05-04T18:26:01.5Z", whole + 0.5),
            ("2016-05-04T18:26:01.123Z", whole + 0.123),
            ("2016-05-04T18:26:01.123456789Z", whole + 0.123456789),
            ("2016-05-04T20:26:01+02:00", whole),
            ("2016-05-04T13:26:01.250-0500", whole + 0.25),
            ("1969-12-31T23:59:59Z", -1),
            ("2000-02-29T00:00:00Z", 951_782_400),
        ]
        for (text, expected) in cases {
            let widget = try decode(TestWidget.self, #"{"created":"\#(text)","links":{},"type":"widget"}"#)
            let created = try #require(widget.created, "\(text)")
            #expect(abs(created.timeIntervalSince1970 - expected) < 1e-6, "\(text)")
        }
        for bad in ["2016-05-04", "2016-05-04T18:26:01", "2016-13-04T18:26:01Z", "2015-02-29T00:00:00Z", "2016-05-04T18:26:01.Z", "yesterday"] {
            #expect(throws: DecodingError.self, "\(bad)") {
                _ = try decode(TestWidget.self, #"{"created":"\#(bad)"}"#)
            }
        }
    }

    @Test("Dates encode as ISO 8601 in UTC, with fractional seconds only where they have them")
    func dateEncoding() throws {
        let date = Date(timeIntervalSince1970: 1_462_386_361.987)
        #expect(try encode(TestWidget(created: date)) == #"{"created":"2016-05-04T18:26:01.987Z"}"#)
        #expect(ISO8601Timestamp.string(from: Date(timeIntervalSince1970: 1_462_386_361)) == "2016-05-04T18:26:01Z")
        #expect(ISO8601Timestamp.string(from: Date(timeIntervalSince1970: 1_462_386_361.000_25)) == "2016-05-04T18:26:01.00025Z")
        #expect(ISO8601Timestamp.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.5Z")
        for text in ["2016-05-04T18:26:01.25Z", "2016-05-04T18:26:01.123456Z", "2016-05-04T18:26:01Z"] {
            #expect(ISO8601Timestamp.date(from: text).map(ISO8601Timestamp.string(from:)) == text)
        }
        #expect(ISO8601Timestamp.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test("JSONValue round-trips any JSON")
    func jsonValueRoundTrip() throws {
        let json = #"{"a":[1,2.5,-3e2,true,false,null,"x"],"b":{"c":{"d":"ü \"q\" /"}},"e":[],"f":{}}"#
        let value = try decode(JSONValue.self, json)
        let expected: JSONValue = [
            "a": [1, 2.5, -300, true, false, nil, "x"],
            "b": ["c": ["d": "ü \"q\" /"]],
            "e": [],
            "f": [:],
        ]
        #expect(value == expected)
        #expect(value["a"]?[1]?.doubleValue == 2.5)
        #expect(value["a"]?[5]?.isNull == true)
        #expect(value["b"]?["c"]?["d"]?.stringValue == "ü \"q\" /")
        let encoded = try encode(value)
        #expect(try decode(JSONValue.self, encoded) == value)
        #expect(encoded == #"{"a":[1,2.5,-300,true,false,null,"x"],"b":{"c":{"d":"ü \"q\" /"}},"e":[],"f":{}}"#)
    }

    @Test("The client's parser reads every JSON text as JSONDecoder does, and refuses what is not JSON")
    func parserAgreesWithJSONDecoder() throws {
        let texts = [
            #"{"a":[1,2.5,-3e2,1E+2,0.5e-1,-0,true,false,null,"x"],"b":{"c":{"d":"ü \"q\" \/ \\"}},"e":[],"f":{}}"#,
            #"  [ "\u00e9\ud83d\ude00\n\t\r\b\f" , 9223372036854775807 , -9223372036854775808 , 9223372036854775808 ] "#,
            "3", "null", #""""#,
        ]
        for text in texts {
            #expect(try JSONValue(parsing: Data(text.utf8)) == decode(JSONValue.self, text), "\(text)")
        }
        #expect(try JSONValue(parsing: Data(#""\ud83d\ude00""#.utf8)) == "😀")
        #expect(try JSONValue(parsing: Data(#""lone \udc00""#.utf8)) == "lone \u{FFFD}", "RFC 8259 leaves it open")
        #expect(try JSONValue(parsing: Data(#"{"k":1,"k":2}"#.utf8)) == ["k": 2], "a repeated key keeps its last value")
        #expect(try JSONValue(parsing: Data("12345678901234567168".utf8)) == .number(12_345_678_901_234_567_168), "beyond 64 bits: a Double")
        for bad in ["", "{", "[1,]", #"{"a" 1}"#, "01", "1.", "-", "tru", #""\u12""#, "\"a\nb\"", "[1] x", #"{"a":1,}"#, "'a'", "nul"] {
            #expect(throws: DecodingError.self, "\(bad)") { try JSONValue(parsing: Data(bad.utf8)) }
        }
        for bad in [Data([0x22, 0xFF, 0x22]), Data([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D]), Data("1e400".utf8), Data("[-1e999]".utf8)] {
            #expect(throws: DecodingError.self, "invalid UTF-8, or a number no Double holds") { try JSONValue(parsing: bad) }
        }
        do {
            _ = try JSONValue(parsing: Data("[1 2]".utf8))
            Issue.record("a missing comma is not an error")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.hasSuffix("at byte 3."), "the offset of the byte at fault: \(context.debugDescription)")
        }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: DecodingError.self, "nesting is bounded, not a stack overflow") { try JSONValue(parsing: Data(deep.utf8)) }
    }

    @Test("A member reads as its type: nil when absent, null (a json field too) or of another JSON type")
    func memberConversions() throws {
        var object: [String: JSONValue] = ["null": nil, "one": 1, "half": 0.5, "two": 2.0, "when": "2016-05-04T18:26:01Z", "tags": ["a", 1]]
        #expect((object[member: "null"] as JSONValue?) == nil && (object[member: "one"] as JSONValue?) == 1)
        #expect((object[member: "one"] as Int?) == 1 && (object[member: "two"] as Int?) == 2 && (object[member: "half"] as Int?) == nil)
        #expect((object[member: "one"] as Double?) == 1 && (object[member: "one"] as String?) == nil)
        #expect((object[member: "when"] as Date?) == Date(timeIntervalSince1970: 1_462_386_361))
        #expect((object[member: "tags"] as [String]?) == nil && (object[member: "tags"] as [JSONValue]?) == ["a", 1])
        #expect((object[member: "absent"] as String?) == nil)
        object[member: "one"] = nil as Int?
        object.insertMember(nil as String?, forKey: "null")
        object.insertMember("x", forKey: "new")
        #expect(object["one"] == nil && object["null"] == .null && object["new"] == "x", "setting nil removes; inserting nil keeps")
    }

    @Test("JSONValue keeps 64-bit integers exact; 2 and 2.0 are the same value")
    func jsonIntegers() throws {
        let json = #"{"big":9223372036854775807,"low":-9223372036854775808,"memory":17179869184,"createdTS":1462386361123,"ratio":0.25,"huge":1e300}"#
        let value = try decode(JSONValue.self, json)
        #expect(value["big"] == .integer(.max))
        #expect(value["low"]?.integerValue == .min)
        #expect(value["createdTS"]?.integerValue == 1_462_386_361_123)
        #expect(value["ratio"] == .number(0.25))
        #expect(value["huge"]?.doubleValue == 1e300)
        let reencoded = try encode(value)
        #expect(try decode(JSONValue.self, reencoded) == value)
        #expect(reencoded.contains(#""big":9223372036854775807"#))
        #expect(reencoded.contains(#""memory":17179869184"#))
        #expect(reencoded.contains(#""createdTS":1462386361123"#))
        // 2^53 + 1 is the first integer a Double cannot hold.
        #expect(try encode(try decode(JSONValue.self, "9007199254740993")) == "9007199254740993")

        #expect(JSONValue.integer(2) == .number(2))
        #expect(JSONValue.number(2.5) != .integer(2))
        #expect(Set<JSONValue>([.integer(2), .number(2.0)]).count == 1)
        #expect(JSONValue.integer(.max).doubleValue == 9.223372036854776e18)
        #expect(JSONValue.number(3).integerValue == 3)
        #expect(JSONValue.number(3.5).integerValue == nil)
        let literal: JSONValue = 17_179_869_184
        #expect(literal == .integer(17_179_869_184))
    }

    @Test("An unknown enum value is kept and re-encoded unchanged")
    func unknownEnumValue() throws {
        let widgets = try decode([TestWidget].self, #"[{"state":"active"},{"state":"reconnecting"}]"#)
        #expect(widgets.map(\.state) == [.active, .unknown("reconnecting")])
        #expect(try encode(widgets) == #"[{"state":"active"},{"state":"reconnecting"}]"#)
    }

    @Test("ResourceID is a plain JSON string")
    func resourceID() throws {
        let id: TestWidget.ID = "1w5"
        #expect(try encode([id]) == #"["1w5"]"#)
        #expect(try decode(TestWidget.ID.self, #""1w5""#) == id)
        #expect(id.description == "1w5")
        #expect(TestWidget.ID("1w5") == TestWidget.ID(rawValue: "1w5"))
    }

    @Test("Pagination ignores empty links; pages keep their other keys and encode back to the same JSON")
    func pagination() throws {
        let page = try decode(Page<TestWidget>.self, #"""
            {"type":"collection","resourceType":"widget","links":{"self":"x"},"createTypes":{},"actions":{},
             "data":[{"id":"1w1","name":"a","type":"widget"}],"sortLinks":{},"filters":{"name":null},
             "pagination":{"first":null,"previous":"","next":"http://127.0.0.1/v2-beta/widgets?marker=m2","limit":1,"total":7,"partial":true}}
            """#)
        #expect(page.data.map(\.id) == ["1w1"])
        #expect(page.pagination?.previous == nil)
        #expect(page.pagination?.next?.query == "marker=m2")
        #expect(page.pagination?.total == 7)
        #expect(page.pagination?.partial == true)
        #expect(page.additionalFields["resourceType"] == "widget")
        #expect(page.additionalFields["filters"] == ["name": nil])
        let raw = try decode(JSONValue.self, #"""
            {"type":"collection","resourceType":"widget","links":{"self":"x"},"createTypes":{},"actions":{},
             "data":[{"id":"1w1","name":"a","type":"widget"}],"sortLinks":{},"filters":{"name":null},
             "pagination":{"first":null,"previous":"","next":"http://127.0.0.1/v2-beta/widgets?marker=m2","limit":1,"total":7,"partial":true}}
            """#)
        let resources = try decode(Page<Resource>.self, try encode(raw))
        #expect(try decode(JSONValue.self, try encode(resources)) == raw)
    }

    @Test("List options and URL building")
    func urlBuilding() throws {
        let options = ListOptions(filters: ["b": "2", "a": "1"], order: .ascending)
        #expect(options.queryItems.map(\.name) == ["a", "b", "order"])
        #expect(options.queryItems.last?.value == "asc")
        let included = ListOptions(limit: 5, include: ["instances", "stack"]).queryItems
        #expect(included.map(\.name) == ["limit", "include", "include"])
        #expect(included.map(\.value) == ["5", "instances", "stack"])
        let base = try #require(URL(string: "https://rancher.example.com/v2-beta/"))
        let request = APIRequest(method: "GET", path: "/v2-beta/hosts/${ID}?action=evacuate", id: "1h1",
                                 query: [URLQueryItem(name: "x y", value: nil)])
        let url = try request.url(baseURL: base, projectID: nil)
        #expect(url.absoluteString == "https://rancher.example.com/v2-beta/hosts/1h1?action=evacuate&x%20y")
    }
}
