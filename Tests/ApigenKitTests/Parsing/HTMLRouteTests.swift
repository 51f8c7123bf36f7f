import Foundation
import Testing
@testable import ApigenKit

/// Published HTML (made by Fixtures/make-html-fixtures.py the way Jekyll lays pages out) and the
/// Markdown it came from must give the same IR.
@Suite("HTML route")
struct HTMLRouteTests {
    private func types(in folder: String) throws -> [APIType] {
        let document = try DocsSetLoader.load(try TestPaths.fixturePages.appendingPathComponent(folder))
        return document.types.map { type in
            var type = type
            type.source = (type.source as NSString).deletingPathExtension
            return type
        }
    }

    @Test func markdownAndHTMLGiveEqualIR() throws {
        let markdown = try types(in: "md")
        let html = try types(in: "html")
        #expect(markdown.filter { $0.origin == .page }.map(\.name) == ["networkDriverService", "part", "widget"])
        #expect(markdown.map(\.name) == html.map(\.name))
        for (fromMarkdown, fromHTML) in zip(markdown, html) {
            #expect(fromMarkdown == fromHTML, "\(fromMarkdown.name)")
        }
    }

    @Test func htmlDiagnosticsPointAtHTMLLines() throws {
        let document = try DocsSetLoader.load(try TestPaths.fixturePages.appendingPathComponent("html"))
        let runTogether = try #require(document.diagnostics.first { $0.message.contains("run together") })
        #expect(runTogether.file == "widget.html")
        let html = try String(contentsOf: TestPaths.fixturePages.appendingPathComponent("html/widget.html"), encoding: .utf8)
        let lines = html.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[runTogether.line - 1].contains("<tr>"))
    }

    @Test func widgetDetailsSurviveBothRoutes() throws {
        for folder in ["md", "html"] {
            let widget = try #require(try types(in: folder).first { $0.name == "widget" })
            #expect(widget.description.hasPrefix("A widget is a made-up resource for tests: it has a description with a link and code."))
            #expect(widget.field(named: "color")?.options == ["blue", "green", "NET_ADMIN"])
            #expect(widget.field(named: "secretValue")?.type == .scalar(.password))
            #expect(widget.field(named: "gadgetId")?.type == .reference("gadget"))
            #expect(widget.field(named: "parts")?.type == .array(.named("part")))
            let polish = try #require(widget.actions.first)
            #expect(polish.output == "part", "the 'A … resource' phrasing")
            #expect(polish.inputFields.map(\.name) == ["force", "passes"])
            #expect(polish.inputFields.map(\.type) == [.scalar(.boolean), .scalar(.int)], "empty Type cells typed from the body")
            #expect(polish.inputFields.map(\.default) == ["true", "2"])
            #expect(polish.inputFields.last?.options == ["1", "2"])
        }
    }
}
