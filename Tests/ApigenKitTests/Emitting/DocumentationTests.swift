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

    @Test(arguments: sets)
    func everyGeneratedDeclarationHasADocComment(_ set: String) throws {
        let (_, files) = try emit(TestPaths.corpusSet(set))
        var missing: [String] = []
        for file in files where file.path.hasPrefix("Sources/Rancher/Models/") || file.path.hasPrefix("Sources/Rancher/Client/") {
            missing += Self.undocumentedDeclarations(in: file.contents).map { "\(file.path): \($0)" }
        }
        #expect(missing.isEmpty, "\(missing.prefix(10))")
    }

    @Test func theCheckCatchesAMissingComment() {
        #expect(Self.undocumentedDeclarations(in: "/// Yes.\npublic var a: Int?\n\npublic var b: Int?\n") == ["public var b: Int?"])
    }

    @Test(arguments: sets)
    func everyResourceHasItsArticleAndPage(_ set: String) throws {
        let (document, files) = try emit(TestPaths.corpusSet(set))
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
        #expect(guide.contains("| `scale` | ``NetworkDriverService/scale`` | `int` | optional | yes | 1 |"))
        let page = try #require(files.first { $0.path == "docs/NetworkDriverService.md" }).contents
        #expect(page.contains("[`LaunchConfig`](LaunchConfig.md)"), "links between types resolve to their pages")
    }
}
