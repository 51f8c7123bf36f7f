import Foundation
import Testing
@testable import ApigenKit

@Suite("Type grammar")
struct TypeGrammarTests {
    @Test(arguments: [
        "string", "int", "float", "boolean", "date", "password", "blob", "json", "enum", "reference",
        "reference[stack]", "array[string]", "map[json]", "array[reference[instance]]", "map[reference[volume]]",
        "array[enum]", "launchConfig", "array[publicEndpoint]", "map[array[int]]",
    ])
    func canonicalStringsRoundTrip(_ text: String) throws {
        #expect(try TypeGrammar.parse(text).grammar == text)
    }

    @Test func parsesStructure() throws {
        #expect(try TypeGrammar.parse("array[reference[instance]]") == .array(.reference("instance")))
        #expect(try TypeGrammar.parse("map[json]") == .map(.scalar(.json)))
        #expect(try TypeGrammar.parse("scalePolicy") == .named("scalePolicy"))
        #expect(try TypeGrammar.parse("reference") == .reference(nil))
    }

    @Test func cellsKeepLinksUndecided() throws {
        #expect(try TypeGrammar.parseCell("array[{publicEndpoint}]") == .array(.link("publicEndpoint")))
        #expect(try TypeGrammar.parseCell("map[{volume}]") == .map(.link("volume")))
        #expect(try TypeGrammar.parseCell("") == .empty)
        #expect(try TypeGrammar.parseCell("bool") == .word("bool"))
    }

    @Test(arguments: ["array[", "array[string", "map[]", "string]", "int[3]", "reference[array[x]]", "a b"])
    func rejectsMalformedTypes(_ text: String) {
        #expect(throws: TypeGrammar.SyntaxError.self) { try TypeGrammar.parse(text) }
    }

    @Test func refusesPathologicalNesting() throws {
        let deep = String(repeating: "array[", count: 10_000) + "int" + String(repeating: "]", count: 10_000)
        #expect(throws: TypeGrammar.SyntaxError.self) { try TypeGrammar.parse(deep) }
        #expect(try TypeGrammar.parse("array[array[map[int]]]") == .array(.array(.map(.scalar(.int)))))
    }

    @Test func helpersSeeThroughWrappers() {
        let type = TypeRef.map(.array(.reference("host")))
        #expect(type.innermost == .reference("host"))
        #expect(type.mentionedTypeNames == ["host"])
        #expect(type.replacingInnermost(with: .named("x")) == .map(.array(.named("x"))))
    }
}

@Suite("IR JSON form")
struct IRJSONTests {
    @Test func fieldEncodesNullDefaultAndOmitsMissingOptions() throws {
        let field = Field(name: "scale", type: .scalar(.int), writable: true, create: true)
        let json = try CanonicalJSON.encode(field)
        #expect(json == """
            {
              "create": true,
              "default": null,
              "description": "",
              "name": "scale",
              "required": false,
              "type": "int",
              "update": false,
              "writable": true
            }

            """)
    }

    @Test func documentRoundTripsThroughJSON() throws {
        let document = APIDocument(
            docsVersion: nil, apiVersion: "v2-beta",
            types: [APIType(
                name: "host", kind: .resource, origin: .page, source: "api-resources/host/index.md",
                fields: [Field(name: "labels", type: .map(.scalar(.string)), options: ["a"])],
                operations: [Operation(name: "delete", method: "DELETE", path: "/v2-beta/hosts/${ID}")],
                actions: [Action(name: "activate", method: "POST", path: "/v2-beta/hosts/${ID}?action=activate", output: "host")])],
            diagnostics: [.warning("w", file: "f.md", line: 3)])
        let json = try CanonicalJSON.encode(document)
        #expect(json.contains("\"docsVersion\": null"))
        #expect(json.contains("\"input\": null"))
        #expect(json.contains("\"path\": \"/v2-beta/hosts/${ID}\""), "slashes are not escaped")
        #expect(json.contains("\"inputFields\": []"), "empty arrays stay on one line")
        let decoded = try CanonicalJSON.decode(APIDocument.self, from: Data(json.utf8))
        #expect(decoded == document)
    }

    @Test func keysAreSortedAndIndentedByTwo() throws {
        let json = try CanonicalJSON.encode(["b": [1], "a": [2]])
        #expect(json == "{\n  \"a\": [\n    2\n  ],\n  \"b\": [\n    1\n  ]\n}\n")
    }

    @Test func stringContentsAreNotReformatted() throws {
        let json = try CanonicalJSON.encode(["k": "a,{b}:[c] \"q\""])
        #expect(json == "{\n  \"k\": \"a,{b}:[c] \\\"q\\\"\"\n}\n")
    }
}
