import Foundation
import Testing
@testable import ApigenKit

/// Lines of pages rendered from Markdown come from cmark's tree, paired with the DOM's elements by kind and
/// order, instead of from `data-sourcepos` attributes; raw HTML that spoils the pairing falls back to them.
@Suite("Source lines")
struct SourceLineTests {
    /// Every line the extractor reports, in order.
    private func lines(of page: ParsedPage?) -> [Int] {
        guard let page else { return [] }
        return [page.headingLine] + page.fields.map(\.line) + page.operations.flatMap { [$0.line, $0.body?.line ?? -1] }
            + page.actions.flatMap { [$0.line, $0.body?.line ?? -1] + $0.inputFields.map(\.line) }
    }

    private func read(_ page: String, sourcePositions: Bool = false) -> PageParser.Result {
        PageParser.read(bytes: Array(page.utf8), name: "probe", file: "probe.md", format: .markdown,
                        sourcePositions: sourcePositions)
    }

    /// Whether the page's DOM pairs with cmark's block lines (no second rendering with `data-sourcepos`).
    private func pairs(_ page: String, file: String = "probe.md") throws -> Bool {
        let (frontMatter, body) = try FrontMatter.split(page)
        let prepared = MarkdownPreprocessor(file: file, frontMatter: frontMatter)
            .process(body, firstLine: (frontMatter?.lineCount ?? 0) + 1)
        let rendered = MarkdownRenderer.render(prepared.markdown)
        let document = try #require(rendered.withHTML(HTMLDocument.init(html:)))
        return MarkdownLineMap.pairing(rendered.blockLines, with: document) != nil
    }

    /// The pairing holds on every real page, and gives the lines `data-sourcepos` gives.
    @Test(.needsCorpus, arguments: TestPaths.corpusSets)
    func pairingAgreesWithSourcePositionsOnTheCorpus(_ set: String) throws {
        let (pages, lines) = try checkPairing(in: TestPaths.corpusSet(set))
        print("\(set): \(pages) pages, \(lines) lines agree with data-sourcepos")
    }

    /// The same on the fixture sets' pages, whose action blocks, run-together rows and repaired common table
    /// are written as the real ones are.
    @Test(arguments: TestPaths.fixtureSets)
    func pairingAgreesWithSourcePositionsOnTheFixtureSets(_ set: String) throws {
        let (pages, lines) = try checkPairing(in: TestPaths.fixtureDocsSet(set))
        #expect(pages > 10)
        #expect(lines > 100)
    }

    /// Every Markdown page of `folder` pairs without a second rendering, with the lines and diagnostics of a
    /// rendering with `data-sourcepos`. Returns how many pages and lines were compared.
    private func checkPairing(in folder: URL) throws -> (pages: Int, lines: Int) {
        let files = try DocsSetParser.pageFiles(in: folder).filter { $0.format == .markdown }
        var checkedLines = 0
        for file in files {
            let bytes = try #require(FileBytes.read(file.path))
            let text = try #require(String(validating: bytes, as: UTF8.self))
            #expect(try pairs(text, file: file.relativePath), "\(file.relativePath) was rendered twice")

            func read(sourcePositions: Bool) -> PageParser.Result {
                PageParser.read(bytes: bytes, name: file.name, file: file.relativePath, format: .markdown,
                                origin: file.origin, sourcePositions: sourcePositions)
            }
            let paired = read(sourcePositions: false)
            let positioned = read(sourcePositions: true)
            #expect(lines(of: paired.page) == lines(of: positioned.page), "\(file.relativePath)")
            #expect(paired.diagnostics == positioned.diagnostics, "\(file.relativePath)")
            checkedLines += lines(of: paired.page).count
        }
        return (files.count, checkedLines)
    }

    @Test func rawHTMLTableRowsFallBackToSourcePositions() throws {
        let page = PageBuilder.frontMatter() + """

            ## probe

            <table><tr><td>a raw HTML row</td></tr></table>

            ### Resource Fields

            #### Writeable Fields

            Field | Type | Create | Update | Default | Notes
            ---|---|---|---|---|---
            name | string | Yes | - | - |
            size | frobnicate | Yes | - | - |

            """
        #expect(try !pairs(page))

        let result = read(page)
        #expect(result.page?.fields.map(\.line) == [19, 20])
        #expect(result.diagnostics == [.warning("field 'size': unknown type 'frobnicate', read as 'json'", file: "probe.md", line: 20)])
        #expect(lines(of: result.page) == lines(of: read(page, sourcePositions: true).page))
    }

    @Test func rawHTMLHeadingsFallBackToo() throws {
        let page = PageBuilder.frontMatter() + "\n<h2>Raw</h2>\n\nText.\n\n## probe\n\nMore text.\n"
        #expect(try !pairs(page))
        #expect(read(page).page?.heading == "Raw")
        #expect(read(page).page?.headingLine == 0, "raw HTML has no line in cmark's tree, with or without the attributes")
        #expect(try pairs(PageBuilder.frontMatter() + "\n## probe\n\nText.\n"))
    }

    @Test func headingsInsideListsAndQuotesArePaired() throws {
        let markdown = "> ## quoted\n\n- item\n\n  ## listed\n\n```\ncode\n```\n\n## plain\n"
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.blockLines.lines[MarkdownRenderer.BlockLines.heading(level: 2)] == [1, 5, 11])
        #expect(rendered.blockLines.lines[MarkdownRenderer.BlockLines.codeBlock] == [7])
        let document = try #require(rendered.withHTML(HTMLDocument.init(html:)))
        #expect(MarkdownLineMap.pairing(rendered.blockLines, with: document) != nil)
    }
}
