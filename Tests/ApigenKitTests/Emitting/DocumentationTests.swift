import Foundation
import Testing
@testable import ApigenKit

/// The docs come from the same resolved IR as the code: every declaration is documented, every resource
/// has its DocC article and Markdown page.
@Suite("Generated documentation")
struct DocumentationTests {
    static let sets = ["v1.6/en/api/v2-beta", "v1.0/en/api/v1"]

    private func emit(_ docs: URL) throws -> (APIDocument, [GeneratedFile]) {
        let document = try DocsSetLoader.load(docs)
        return (document, try SDKEmitter(options: EmitOptions()).emit(document))
    }

    /// Lines declaring API (`public …`) whose previous non-blank line is neither a doc comment nor an
    /// attribute that itself follows one.
    static func undocumentedDeclarations(in source: String) -> [String] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var missing: [String] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("public ") {
            var previous = index - 1
            while previous >= 0, lines[previous].hasPrefix("@") { previous -= 1 }
            let isProtocolWitness = line.contains("init(from decoder") || line.contains("func encode(to encoder")
                || line.contains("func hash(into") || line.contains("static func ==") || line.hasPrefix("public var description")
            if previous < 0 || !(lines[previous].hasPrefix("///")), !isProtocolWitness { missing.append(line) }
        }
        return missing
    }

    @Test(.needsCorpus, arguments: sets)
    func everyGeneratedDeclarationHasADocComment(_ set: String) throws {
        try checkDocComments(TestPaths.corpusSet(set))
    }

    @Test(arguments: TestPaths.fixtureSets)
    func everyGeneratedDeclarationOfAFixtureSetHasADocComment(_ set: String) throws {
        try checkDocComments(TestPaths.fixtureDocsSet(set))
    }

    private func checkDocComments(_ docs: URL) throws {
        let (_, files) = try emit(docs)
        var missing: [String] = []
        var checked = 0
        for file in files where file.path.hasPrefix("Sources/Rancher/Models/") || file.path.hasPrefix("Sources/Rancher/Client/") {
            missing += Self.undocumentedDeclarations(in: file.contents).map { "\(file.path): \($0)" }
            checked += 1
        }
        #expect(checked > 10)
        #expect(missing.isEmpty, "\(missing.prefix(10))")
    }

    /// The docs' `<br> * item` lists, flattened in the IR, are lists again on the documentation pages.
    @Test func flattenedListsBecomeMarkdownLists() {
        let host = "Hosts have these requirements. * A modern Linux. * Docker 1.12 or later. Rancher also supports Machine."
        #expect(DocText.markdownDescription(host)
                == "Hosts have these requirements.\n\n- A modern Linux.\n- Docker 1.12 or later. Rancher also supports Machine.")
        #expect(DocText.markdownDescription("Scale is 2 * 3 at most.") == "Scale is 2 * 3 at most.", "one star is not a list")
    }

    @Test func theCheckCatchesAMissingComment() {
        #expect(Self.undocumentedDeclarations(in: "/// Yes.\npublic var a: Int?\n\npublic var b: Int?\n") == ["public var b: Int?"])
    }

    @Test(.needsCorpus, arguments: sets)
    func everyResourceHasItsArticleAndPage(_ set: String) throws {
        try checkArticlesAndPages(TestPaths.corpusSet(set))
    }

    @Test(arguments: TestPaths.fixtureSets)
    func everyResourceOfAFixtureSetHasItsArticleAndPage(_ set: String) throws {
        try checkArticlesAndPages(TestPaths.fixtureDocsSet(set))
    }

    private func checkArticlesAndPages(_ docs: URL) throws {
        let (document, files) = try emit(docs)
        let paths = Set(files.map(\.path))
        let model = SwiftSDKModel(document: document, options: EmitOptions())
        #expect(!model.resources.isEmpty)
        for resource in model.resources {
            let name = SwiftNames.typeName(resource.name)
            #expect(paths.contains("Sources/Rancher/Rancher.docc/\(name)-Guide.md"), "\(name)")
            #expect(paths.contains("docs/\(name).md"), "\(name)")
        }
        for type in document.types where type.origin != .common {
            #expect(paths.contains("docs/\(SwiftNames.typeName(type.name)).md"), "\(type.name)")
        }
        let landing = try #require(files.first { $0.path == "Sources/Rancher/Rancher.docc/Rancher.md" }).contents
        #expect(model.resources.allSatisfy { landing.contains("<doc:\(SwiftNames.typeName($0.name))-Guide>") })
    }

    @Test func guidesShowTheGeneratedAPI() throws {
        let (_, files) = try emit(TestPaths.repositoryRoot.appendingPathComponent("input-docs"))
        let guide = try #require(files.first { $0.path.hasSuffix("NetworkDriverService-Guide.md") }).contents
        #expect(guide.contains("rancher.networkDriverServices.create(NetworkDriverService.Create(name: \"name\", networkDriver: NetworkDriver()))"))
        #expect(guide.contains("rancher.networkDriverServices.restart(id: \"1a1\", ServiceRestart())"))
        #expect(guide.contains("- ``NetworkDriverService/scale`` (`scale`, `int`): optional on create, updatable, default `1`."))
        #expect(guide.contains("- ``NetworkDriverService/Create``\n- ``NetworkDriverService/Update``\n- ``NetworkDriverServiceClient``"),
                "the guide curates its model, bodies and client")
        #expect(guide.contains("- ``LaunchConfig``\n- ``LogConfig``"), "and the types it embeds, at any depth")
        let landing = try #require(files.first { $0.path.hasSuffix("Rancher.docc/Rancher.md") }).contents
        #expect(landing.contains("- <doc:GettingStarted>"))
        #expect(!landing.contains("``LaunchConfig``"), "an embedded type is curated by its resource's guide, not the landing page")
        let page = try #require(files.first { $0.path == "docs/NetworkDriverService.md" }).contents
        #expect(page.contains("[`LaunchConfig`](LaunchConfig.md)"), "links between types resolve to their pages")
    }
}
