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

    /// What Debian's jekyll (kramdown, `input: GFM`) publishes, as rancher.github.io did: an action's input
    /// table inside the HTML block stays a paragraph of `|` lines, links and code spans as Markdown text; quotes
    /// become typographic. `scripts/check-published-html` checks whole corpus sets rendered by jekyll itself.
    @Test func kramdownTextTablesAndTypographicQuotesReadAsTheMarkdownDoes() throws {
        let link = "/rancher/v1.6/en/api/v2-beta/api-resources"
        let page = """
            <html><body>
            <h2 id="service">Service</h2>
            <p>A “service” won’t stop.</p>
            <h3 id="actions">Actions</h3>
            <div class="action" id="setservicelinks">
            <span class="header">
            setservicelinks
            <span class="headerright">POST:  <code>/v2-beta/projects/${PROJECT_ID}/services/${ID}?action=setservicelinks</code></span></span>
            <div class="action-contents">

            <br />
            <span class="input">
            <strong>Input:</strong> <a href="\(link)/setServiceLinksInput/">SetServiceLinksInput</a></span>

            Field | Type | Required | Default | Notes
            ---|---|---|---|---
            serviceLinks | array[[serviceLink](\(link)/serviceLink/)] | No |  | The links, see [serviceLink](\(link)/serviceLink/)
            mode | enum | Yes | fast | The options are `fast`, `safe`.

            <br />
            </div></div>
            </body></html>
            """
        let docs = try TemporaryDocs(["service.html": page, "serviceLink.html": "<h2>serviceLink</h2>\n"])
        defer { docs.remove() }
        let service = try #require(try docs.load().type(named: "service"))
        #expect(service.description == "A \"service\" won't stop.")
        let action = try #require(service.actions.first)
        #expect(action.inputFields.map(\.name) == ["serviceLinks", "mode"])
        #expect(action.inputFields.first?.type == .array(.named("serviceLink")))
        #expect(action.inputFields.first?.description == "The links, see serviceLink")
        #expect(action.inputFields.last?.options == ["fast", "safe"])
        #expect(action.inputFields.last?.required == true)
        #expect(action.inputFields.last?.default == "fast")
    }

    /// kramdown pads a table's header with blank cells to its widest row: here v1.0's rows run together on one
    /// line (`a | int | Optional | - |  | b | string | …`: a row's Notes cell holds the next row's name).
    @Test func blankHeaderCellsDoNotHideRowsRunTogether() throws {
        let headers = ["Field", "Type", "Create", "Update", "Default", "Notes"].map { "<th>\($0)</th>" }.joined()
        let blanks = String(repeating: "<th> </th>", count: 5)
        let cells = ["a", "int", "Optional", "-", "", "b", "string", "Yes", "-", "", "<br />"].map { "<td>\($0)</td>" }.joined()
        let page = """
            <h2>widget</h2>
            <h3>Resource Fields</h3>
            <h4>Writeable Fields</h4>
            <table><thead><tr>\(headers)\(blanks)</tr></thead>
            <tbody><tr>\(cells)</tr></tbody></table>
            """
        let docs = try TemporaryDocs(["widget.html": page])
        defer { docs.remove() }
        let widget = try #require(try docs.load().type(named: "widget"))
        #expect(widget.fields.map(\.name) == ["a", "b"])
        #expect(widget.fields.map(\.type) == [.scalar(.int), .scalar(.string)])
        #expect(widget.fields.map(\.required) == [false, true])
    }
}
