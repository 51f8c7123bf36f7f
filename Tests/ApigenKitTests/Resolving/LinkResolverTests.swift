import Foundation
import Testing
@testable import ApigenKit

/// A link in a Type cell is a reference, an embedded object or `password`, decided from evidence.
@Suite("Link decisions")
struct LinkResolverTests {
    private func load(_ files: [String: String]) throws -> APIDocument {
        let docs = try TemporaryDocs(files)
        defer { docs.remove() }
        return try docs.load()
    }

    @Test func ownBodyDecides() throws {
        let page = PageBuilder.resourcePage(
            "box", writeable: ["owner | \(PageBuilder.link("user")) | Yes | - | - | ", "lid | \(PageBuilder.link("lid")) | Optional | - | - | ",
                               "key | \(PageBuilder.link("password")) | Optional | - | - | "],
            create: "{\"key\": \"password\", \"lid\": {\"color\": \"string\"}, \"owner\": \"reference[user]\"}")
        let box = try #require(try load(["box.md": page]).type(named: "box"))
        #expect(box.field(named: "owner")?.type == .reference("user"), "a field not named …Id, referenced per the body")
        #expect(box.field(named: "lid")?.type == .named("lid"))
        #expect(box.field(named: "key")?.type == .scalar(.password))
    }

    @Test func anotherPagesBodyThatEmbedsTheTypeDecides() throws {
        // `lid` has no operations; `box`'s body embeds a lid whose `maker` is a reference.
        let lid = PageBuilder.typePage("lid", writeable: ["maker | \(PageBuilder.link("user")) | Optional | - | - | "])
        let box = PageBuilder.resourcePage(
            "box", writeable: ["lid | \(PageBuilder.link("lid")) | Optional | - | - | "],
            create: "{\"lid\": {\"maker\": \"reference[user]\"}}")
        let document = try load(["lid.md": lid, "box.md": box])
        #expect(document.type(named: "lid")?.field(named: "maker")?.type == .reference("user"))
    }

    @Test func wrappersComeFromTheCellAndTheKindFromTheBody() throws {
        let page = PageBuilder.resourcePage(
            "pod", writeable: ["mounts | map[\(PageBuilder.link("volume"))] | Optional | - | - | ",
                               "sidecars | array[\(PageBuilder.link("sidecar"))] | Optional | - | - | "],
            create: "{\"mounts\": \"map[reference[volume]]\", \"sidecars\": \"array[sidecar]\"}")
        let sidecar = PageBuilder.typePage("sidecar", writeable: ["image | string | Yes | - | - | "])
        let pod = try #require(try load(["pod.md": page, "sidecar.md": sidecar]).type(named: "pod"))
        #expect(pod.field(named: "mounts")?.type == .map(.reference("volume")))
        #expect(pod.field(named: "sidecars")?.type == .array(.named("sidecar")))
    }

    @Test func withoutExamplesTheNameAndTheTargetDecide() throws {
        let service = PageBuilder.resourcePage(
            "service", writeable: ["name | string | Yes | - | - | "], create: "{\"name\": \"string\"}")
        let page = PageBuilder.resourcePage(
            "event", readOnly: ["hostIds | array[\(PageBuilder.link("host"))]  | ", "service | \(PageBuilder.link("service"))  | ",
                                "linked | map[\(PageBuilder.link("service"))]  | ", "config | \(PageBuilder.link("service"))  | "])
        let event = try #require(try load(["service.md": service, "event.md": page]).type(named: "event"))
        #expect(event.field(named: "hostIds")?.type == .array(.reference("host")), "…Ids are references")
        #expect(event.field(named: "service")?.type == .named("service"), "a field named after its type embeds it")
        #expect(event.field(named: "linked")?.type == .map(.reference("service")), "a resource with a collection is referenced")
        #expect(event.field(named: "config")?.type == .reference("service"))
    }

    @Test func emptyInputCellsTakeTheInputPagesTypeThenTheBody() throws {
        let input = PageBuilder.typePage("scaleInput", writeable: ["count | int | Yes | - | - | "])
        let action = PageBuilder.action(
            "scale", on: "box", input: "scaleInput", inputRows: ["count |  | Yes |  | ", "ratio |  | No | 0.5 | "],
            body: "{\"count\": 0, \"ratio\": 0.5}", output: "box")
        let box = PageBuilder.resourcePage("box", writeable: ["name | string | Yes | - | - | "], actions: [action])
        let document = try load(["box.md": box, "scaleInput.md": input])
        let fields = try #require(document.type(named: "box")?.actions.first?.inputFields)
        #expect(fields.map(\.type) == [.scalar(.int), .scalar(.float)])
        #expect(fields.map(\.required) == [true, false])
    }
}

@Suite("Placeholder types")
struct PlaceholderTypeTests {
    @Test(arguments: [
        ("\"string\"", "string"), ("0", "int"), ("2.5", "float"), ("false", "boolean"), ("\"date\"", "date"),
        ("[\"string1\", \"...stringN\"]", "array[string]"), ("{\"key\": \"value-pairs\"}", "map[json]"),
        ("\"reference[host]\"", "reference[host]"), ("\"array[reference[x]]\"", "array[reference[x]]"),
        ("\"enum\"", "enum"), ("\"password\"", "password"), ("\"managed\"", "string"), ("2000", "int"),
    ])
    func placeholderMeansType(_ json: String, _ expected: String) throws {
        #expect(PlaceholderTypes.type(of: try OrderedJSON.parse(json)).grammar == expected)
    }
}
