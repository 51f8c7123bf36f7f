import Foundation
import Testing
@testable import ApigenKit

/// One small page in, the Swift it must produce out: a test per mapping rule.
@Suite("Emitter snippets")
struct EmitterSnippetTests {
    /// Generates from the given pages and returns the generated files by path.
    private func generate(_ pages: [String: String], access: EmitOptions.AccessLevel = .public) throws -> [String: String] {
        let docs = try TemporaryDocs(pages)
        defer { docs.remove() }
        let document = try docs.load()
        let files = try SDKEmitter(options: EmitOptions(moduleName: "Sample", access: access)).emit(document)
        return Dictionary(files.map { ($0.path, $0.contents) }) { first, _ in first }
    }

    private func model(_ name: String, in files: [String: String]) throws -> String {
        try #require(files["Sources/Sample/Models/\(name).swift"], "no model \(name)")
    }

    /// A read-only property as the model template declares it: read from the member `key` of the object.
    private func readOnly(_ declaration: String, _ key: String) -> String {
        "public var \(declaration) {\n        jsonObject[member: \"\(key)\"]\n    }"
    }

    private let scalars = PageBuilder.typePage("gauge", writeable: [
        "count | int | Yes | - | - | ", "ratio | float | Optional | - | - | ", "enabled | boolean | Optional | - | - | ",
        "created | date | Optional | - | - | ", "extra | json | Optional | - | - | ", "labels | map[string] | Optional | - | - | ",
        "tags | array[string] | Optional | - | - | ", "secret | password | Optional | - | - | ",
        "hostId | reference[gauge] | Optional | - | - | ", "nested | map[array[int]] | Optional | - | - | ",
    ])

    @Test func scalarsMapToSwiftTypes() throws {
        let source = try model("Gauge", in: try generate(["gauge.md": scalars]))
        for declaration in [
            readOnly("count: Int?", "count"), readOnly("ratio: Double?", "ratio"), readOnly("enabled: Bool?", "enabled"),
            readOnly("created: Date?", "created"), readOnly("extra: JSONValue?", "extra"),
            readOnly("labels: [String: String]?", "labels"), readOnly("tags: [String]?", "tags"),
            readOnly("secret: String?", "secret"), readOnly("nested: [String: [Int]]?", "nested"),
            "public let jsonObject: [String: JSONValue]",
        ] {
            #expect(source.contains(declaration), "\(declaration)")
        }
    }

    @Test func referencesAreTypedIDs() throws {
        let source = try model("Gauge", in: try generate(["gauge.md": scalars]))
        #expect(source.contains(readOnly("hostID: Gauge.ID?", "hostId")), "a reference to a known type is its typed ID")
        let crate = PageBuilder.typePage("crate", writeable: ["ownerId | reference[nobody] | Optional | - | - | "])
        #expect(try model("Crate", in: try generate(["crate.md": crate])).contains(readOnly("ownerID: String?", "ownerId")),
                "a reference to a type the docs never define is a plain string")
    }

    @Test func enumsKeepUnknownValues() throws {
        let page = PageBuilder.typePage("light", writeable: [
            "color | enum | Yes | - | red | The options are `red`, `green`, `NET_ADMIN`, `default`.",
        ])
        let source = try model("Light", in: try generate(["light.md": page]))
        #expect(source.contains(readOnly("color: Color?", "color")))
        #expect(source.contains("public enum Color: RancherEnum {"))
        #expect(source.contains("case red\n"))
        #expect(source.contains("case netAdmin\n"))
        #expect(source.contains("case `default`\n"), "keywords are escaped")
        #expect(source.contains("case unknown(String)"))
        #expect(source.contains("case \"NET_ADMIN\": self = .netAdmin"))
        #expect(source.contains("default: self = .unknown(rawValue)"))
    }

    @Test func keywordsAndInvalidNamesKeepTheirJSONKeys() throws {
        let page = PageBuilder.typePage("odd", writeable: [
            "default | string | Optional | - | - | ", "protocol | string | Optional | - | - | ",
            "created[TS] | date | Optional | - | - | ", "ip6 | string | Optional | - | - | ",
        ])
        let source = try model("Odd", in: try generate(["odd.md": page]))
        #expect(source.contains(readOnly("`default`: String?", "default")))
        #expect(source.contains(readOnly("`protocol`: String?", "protocol")))
        #expect(source.contains("`default`: String? = nil,"))
        #expect(source.contains("jsonObject.insertMember(`default`, forKey: \"default\")"))
        #expect(!source.contains("CodingKeys"), "every member is read by its JSON key")
        let dashed = PageBuilder.typePage("dashed", writeable: ["io-max | int | Optional | - | - | "])
        let dashedSource = try model("Dashed", in: try generate(["dashed.md": dashed]))
        #expect(dashedSource.contains(readOnly("ioMax: Int?", "io-max")))
        #expect(dashedSource.contains("jsonObject.insertMember(ioMax, forKey: \"io-max\")"))
    }

    /// A model named like a runtime type would shadow it inside the module: every type the runtime module
    /// declares at the top level must be a reserved name.
    @Test func everyRuntimeTypeNameIsReserved() throws {
        let runtime = TestPaths.repositoryRoot.appendingPathComponent("Runtime/RancherRuntime")
        var declared = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: runtime.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: runtime.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix(" ") {
                let words = line.split(separator: " ").filter { !["public", "@_spi(Generated)", "private", "fileprivate", "final"].contains($0) }
                if words.count > 1, ["struct", "enum", "protocol", "class", "typealias", "actor"].contains(words[0]) {
                    declared.insert(String(words[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }))
                }
            }
        }
        #expect(declared.count > 30)
        #expect(declared.subtracting(SwiftNames.reservedTypeNames).isEmpty, "not reserved: \(declared.subtracting(SwiftNames.reservedTypeNames).sorted())")
    }

    @Test func namesTheConformanceCodeUsesCannotBeShadowed() throws {
        let page = PageBuilder.typePage("keyed", writeable: [
            "fieldKey | enum | Optional | - | - | The options are `a`, `b`.", "container | string | Optional | - | - | ",
            "hasher | string | Optional | - | - | ", "lhs | int | Optional | - | - | ", "fields | int | Optional | - | - | ",
            "members | array[string] | Optional | - | - | ",
        ])
        let source = try model("Keyed", in: try generate(["keyed.md": page]))
        #expect(source.contains("public enum FieldKeyModel: RancherEnum {"), "a nested FieldKey would hide the runtime's")
        // The initializer's parameters reach the object under their keys: no local name may hide one
        // (a local `members` once sent a copy of the half-built object as the field `members`).
        for name in ["container", "hasher", "lhs", "fields", "members"] {
            #expect(source.contains("jsonObject.insertMember(\(name), forKey: \"\(name)\")"), "\(name)")
        }
        #expect(!source.contains("members.insertMember"))
        #expect(source.contains(readOnly("fields: Int?", "fields")))
        let fieldKeyType = PageBuilder.typePage("fieldKey", writeable: ["name | string | Optional | - | - | "])
        let files = try generate(["fieldKey.md": fieldKeyType])
        #expect(files.keys.contains { $0.hasSuffix("/Models/FieldKeyModel.swift") })
    }

    @Test func aTypeWithoutFieldsStillReadsAndWritesAnObject() throws {
        let page = PageBuilder.typePage("blank", writeable: [])
        let source = try model("Blank", in: try generate(["blank.md": page]))
        // The object still holds every member, all of them additional.
        #expect(source.contains("let jsonObject = additionalFields"), "a var never mutated would be a warning")
        #expect(source.contains("self.init(jsonObject: jsonObject)"))
        #expect(source.contains("public static let memberTypes: [String: any JSONConvertible.Type] = [\n        :\n    ]"))
    }

    @Test func createAndUpdatePayloadsHoldExactlyTheirFields() throws {
        let page = PageBuilder.resourcePage(
            "widget",
            writeable: ["name | string | Yes | Yes | - | ", "size | int | Optional | - | 3 | ", "note | string | - | Yes | - | "],
            readOnly: ["id | int | ", "state | string | "],
            create: "{\"name\": \"string\", \"size\": 3}")
        let withUpdate = page.replacingOccurrences(of: "</div></div>\n", with: """
            </div></div>
            <div class="action"><span class="header">Update<span class="headerright">PUT:  <code>/v2-beta/projects/${PROJECT_ID}/widgets/${ID}</code></span></span>
            <div class="action-contents"></div></div>

            """)
        let source = try model("Widget", in: try generate(["widget.md": withUpdate]))
        let create = try #require(source.range(of: "public struct Create")).lowerBound
        let update = try #require(source.range(of: "public struct Update")).lowerBound
        let createBody = String(source[create..<update])
        let updateBody = String(source[update...])
        #expect(createBody.contains("public var name: String {\n            get { jsonObject[required: \"name\"] }"),
                "required on create: not optional")
        #expect(createBody.contains("name: String,\n"), "nor in the initializer")
        #expect(createBody.contains("public var size: Int?"))
        #expect(!createBody.contains("var note"), "not creatable")
        #expect(updateBody.contains("public var name: String?"))
        #expect(updateBody.contains("public var note: String?"))
        #expect(!updateBody.contains("var size"), "not updatable")
        #expect(source.contains(readOnly("id: ID?", "id")), "resource IDs are typed")
        #expect(source.contains("public typealias ID = ResourceID<Widget>"))
    }

    /// What a request can carry is changed in place (`var`); what only responses hold is what the server said.
    @Test func typesRequestsCarryHaveVarFields() throws {
        let config = PageBuilder.typePage("config", writeable: ["image | string | Optional | - | - | "])
        let status = PageBuilder.typePage("status", writeable: ["code | int | Optional | - | - | "])
        let page = PageBuilder.resourcePage(
            "widget", writeable: ["config | \(PageBuilder.link("config")) | Optional | - | - | "],
            readOnly: ["status | \(PageBuilder.link("status")) | "], create: "{\"config\": {\"image\": \"string\"}}")
        let files = try generate(["widget.md": page, "config.md": config, "status.md": status])
        #expect(try model("Config", in: files).contains("public var image: String?"))
        #expect(try model("Config", in: files).contains("public var additionalFields: [String: JSONValue]"))
        #expect(try model("Config", in: files).contains("set { jsonObject[member: \"image\"] = newValue }"))
        #expect(try model("Status", in: files).contains(readOnly("code: Int?", "code")))
        #expect(try model("Widget", in: files).contains(readOnly("config: Config?", "config")))
    }

    @Test func clientHasEveryOperationAndTypedActions() throws {
        let input = PageBuilder.typePage("scaleInput", writeable: ["count | int | Yes | - | - | "])
        let action = PageBuilder.action("addcount", on: "widget", input: "scaleInput", inputRows: ["count | int | Yes |  | "],
                                        body: "{\"count\": 1}", output: "widget")
        let plain = PageBuilder.action("update", on: "widget", output: "widget")
        let page = PageBuilder.resourcePage("widget", writeable: ["name | string | Yes | - | - | "],
                                            create: "{\"name\": \"string\"}", actions: [action, plain])
        let files = try generate(["widget.md": page, "scaleInput.md": input])
        let client = try #require(files["Sources/Sample/Client/WidgetClient.swift"])
        #expect(client.contains("public var widgets: WidgetClient"))
        // list, all, get and the waits come from the runtime's ResourceCollectionClient.
        #expect(client.contains("public struct WidgetClient: ResourceCollectionClient {"))
        #expect(client.contains("public typealias Model = Widget"))
        #expect(client.contains("public static var collectionPath: String { \"/v2-beta/projects/${PROJECT_ID}/widgets\" }"))
        #expect(client.contains("public func create(_ body: Widget.Create) async throws -> Widget"))
        #expect(client.contains("public func addCount(id: Widget.ID, _ input: ScaleInput) async throws -> Widget"),
                "run-together action names are split on the API's own words")
        #expect(client.contains("public func addCount(_ resource: Widget, _ input: ScaleInput) async throws -> Widget"),
                "an action also takes the resource, checking its actions")
        #expect(client.contains("try await addCount(id: resource.requireID(forAction: \"addcount\"), input)"))
        #expect(client.contains("?action=addcount\""))
        #expect(client.contains("public func updateAction(id: Widget.ID) async throws -> Widget"),
                "an action named like an operation keeps a distinct name")
    }

    @Test func internalAccessReachesEveryDeclaration() throws {
        let files = try generate(["gauge.md": scalars], access: .internal)
        let source = try model("Gauge", in: files)
        #expect(!source.contains("public "))
        #expect(source.contains("internal struct Gauge"))
    }

    @Test func templatesCanBeOverriddenByName() throws {
        let docs = try TemporaryDocs(["gauge.md": scalars])
        defer { docs.remove() }
        let templates = try TemporaryDocs(["Swift/README.md.mustache": "{{%CONTENT_TYPE:TEXT}}\n# Custom {{moduleName}}\n"])
        defer { templates.remove() }
        let emitter = try SDKEmitter(options: EmitOptions(moduleName: "Sample", templatesDirectory: templates.url))
        let files = emitter.emit(try docs.load())
        #expect(files.first { $0.path == "README.md" }?.contents == "# Custom Sample\n")
        #expect(files.contains { $0.path == "Sources/Sample/Models/Gauge.swift" }, "the other templates stay built in")
    }

    @Test func customTemplatesReadParamsInsideAnySection() throws {
        let docs = try TemporaryDocs(["gauge.md": scalars])
        defer { docs.remove() }
        let model = "{{%CONTENT_TYPE:TEXT}}\n// {{params.company}} {{typeName}}\n{{#properties}}{{name}}@{{params.company}} {{/properties}}\n{{params.unset}}."
        let templates = try TemporaryDocs(["Swift/Model.swift.mustache": model])
        defer { templates.remove() }
        let options = EmitOptions(moduleName: "Sample", templatesDirectory: templates.url, templateParameters: ["company": "Acme"])
        let files = try SDKEmitter(options: options).emit(try docs.load())
        let source = try #require(files.first { $0.path == "Sources/Sample/Models/Gauge.swift" }?.contents)
        #expect(source.hasPrefix("// Acme Gauge\ncount@Acme ratio@Acme "))
        #expect(source.hasSuffix("\n.\n"), "an unset parameter renders as nothing")
    }

    /// Texts reach the renderer wrapped (`TemplateText`, for speed); swift-mustache's transforms, sections and
    /// HTML escaping must treat them as the strings they hold.
    @Test func customTemplatesTransformAndEscapeTextsAsStrings() throws {
        let docs = try TemporaryDocs(["gauge.md": scalars])
        defer { docs.remove() }
        let model = """
            {{uppercased(typeName)}} {{lowercased(apiNameLiteral)}} {{#empty(stateText)}}none{{/empty(stateText)}}
            {{#first(properties)}}{{reversed(name)}}{{/first(properties)}} {{count(doc)}} {{#typeName}}[{{.}}]{{/typeName}}
            {{^stateText}}no state{{/stateText}} {{apiNameLiteral}} {{{apiNameLiteral}}} <{{#typeName}}{{text}}{{/typeName}}>
            """
        let templates = try TemporaryDocs(["Swift/Model.swift.mustache": model])
        defer { templates.remove() }
        let files = try SDKEmitter(options: EmitOptions(moduleName: "Sample", templatesDirectory: templates.url)).emit(try docs.load())
        let source = try #require(files.first { $0.path == "Sources/Sample/Models/Gauge.swift" }?.contents)
        #expect(source == "GAUGE &quot;gauge&quot; \ntnuoc 1 [Gauge]\nno state &quot;gauge&quot; \"gauge\" <>\n", "a text has no keys")
    }

    @Test func anOverrideMustNameABuiltInTemplate() throws {
        let templates = try TemporaryDocs(["Swift/Modle.swift.mustache": "x"])
        defer { templates.remove() }
        #expect(throws: DiagnosticError.self) {
            try SDKEmitter(options: EmitOptions(templatesDirectory: templates.url))
        }
    }

    @Test func invalidModuleNamesAreRejected() {
        for name in ["1Rancher", "my-sdk", "struct", ""] {
            #expect(throws: DiagnosticError.self) { try SDKEmitter(options: EmitOptions(moduleName: name)) }
        }
    }
}

@Suite("Emitter: recursive types")
struct RecursiveTypeTests {
    @Test func aCycleOfEmbeddedTypesNeedsNoBox() throws {
        let node = PageBuilder.typePage("node", writeable: [
            "name | string | Yes | - | - | ", "parent | \(PageBuilder.link("node")) | Optional | - | - | ",
            "children | array[\(PageBuilder.link("node"))] | Optional | - | - | ",
        ])
        let docs = try TemporaryDocs(["node.md": node])
        defer { docs.remove() }
        let files = try SDKEmitter(options: EmitOptions(moduleName: "Sample")).emit(try docs.load())
        let source = try #require(files.first { $0.path == "Sources/Sample/Models/Node.swift" }?.contents)
        // A model holds its JSON object, not its fields: a type that holds itself has a finite size.
        #expect(source.contains("public var parent: Node? {\n        jsonObject[member: \"parent\"]\n    }"))
        #expect(source.contains("public var children: [Node]? {"))
        #expect(!source.contains("Box"))
    }
}

@Suite("Emitter: models over their JSON object")
struct ObjectBackedModelTests {
    private func source(fields names: [String], carried: Bool) throws -> String {
        var pages = ["wide.md": PageBuilder.typePage("wide", writeable: names.map { "\($0) | string | Optional | - | - | " })]
        if carried {
            pages["holder.md"] = PageBuilder.resourcePage(
                "holder", writeable: ["wide | \(PageBuilder.link("wide")) | Optional | - | - | "], create: "{\"wide\": {}}")
        }
        let docs = try TemporaryDocs(pages)
        defer { docs.remove() }
        let files = try SDKEmitter(options: EmitOptions(moduleName: "Sample")).emit(try docs.load())
        return try #require(files.first { $0.path == "Sources/Sample/Models/Wide.swift" }?.contents)
    }

    @Test func aTypeRequestsCarryReadsAndWritesItsMembers() throws {
        let carried = try source(fields: ["imageUuid", "count"], carried: true)
        #expect(carried.contains("public var jsonObject: [String: JSONValue]"))
        #expect(carried.contains("""
                public var imageUUID: String? {
                    get { jsonObject[member: "imageUuid"] }
                    set { jsonObject[member: "imageUuid"] = newValue }
                }
            """))
        #expect(carried.contains("""
                public static let memberTypes: [String: any JSONConvertible.Type] = [
                    "imageUuid": String.self,
                    "count": String.self,
                ]
            """))
        #expect(carried.contains("jsonObject.insertMember(imageUUID, forKey: \"imageUuid\")"))
        #expect(carried.contains("set { jsonObject.replaceAdditionalFields(with: newValue, memberTypes: Self.memberTypes) }"))

        // What only responses hold is never changed: read-only properties, one accessor each.
        let readOnly = try source(fields: ["imageUuid"], carried: false)
        #expect(readOnly.contains("public let jsonObject: [String: JSONValue]"))
        #expect(readOnly.contains("public var imageUUID: String? {\n        jsonObject[member: \"imageUuid\"]\n    }"))
        #expect(!readOnly.contains("set {"))
    }

    @Test func aFieldNamedLikeAModelsOwnMemberIsRenamed() throws {
        let source = try source(fields: ["jsonObject", "additionalFields", "jsonValue", "storage"], carried: true)
        #expect(source.contains("public var jsonObjectField: String? {"))
        #expect(source.contains("public var additionalFieldsField: String? {"))
        #expect(source.contains("public var jsonValueField: String? {"))
        #expect(source.contains("get { jsonObject[member: \"jsonObject\"] }"), "the JSON key stays")
        #expect(source.contains("public var storage: String? {"), "nothing else is reserved")
    }
}

@Suite("Emitter: single file")
struct SingleFileTests {
    @Test func singleFileHoldsEveryModuleSourceAndNothingElse() throws {
        let document = try DocsSetLoader.load(TestPaths.repositoryRoot.appendingPathComponent("input-docs"))
        let package = try SDKEmitter(options: EmitOptions()).emit(document)
        let single = try SDKEmitter(options: EmitOptions(singleFileName: "RancherSDK.swift")).emit(document)
        #expect(single.map(\.path) == ["RancherSDK.swift"])
        let sources = package.filter { $0.path.hasPrefix("Sources/Rancher/") && $0.path.hasSuffix(".swift") }
        for file in sources {
            #expect(single[0].contents.contains(file.contents), "\(file.path)")
        }
        #expect(!single[0].contents.contains("PackageDescription"))
        #expect(!single[0].contents.contains("import Testing"))
        #expect(!single[0].contents.contains("public struct RancherClient"), "the runtime is a dependency, not part of the file")
        #expect(single[0].contents.contains("@_exported import RancherRuntime"))
    }
}
