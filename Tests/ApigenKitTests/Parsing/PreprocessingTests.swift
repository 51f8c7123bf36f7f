import Foundation
import Testing
@testable import ApigenKit

@Suite("Markdown preprocessing")
struct MarkdownPreprocessorTests {
    private func process(_ body: String, frontMatter: [String: String] = ["version": "v1.6", "lang": "en"]) -> MarkdownPreprocessor.Output {
        MarkdownPreprocessor(file: "p.md", frontMatter: FrontMatter(values: frontMatter, lineCount: 3))
            .process(body[...], firstLine: 4)
    }

    @Test func expandsSiteAndPageVariables() {
        let output = process("[x]({{site.baseurl}}/rancher/{{ page.version }}/{{page.lang}}/x/)")
        #expect(output.markdown == "[x](/rancher/v1.6/en/x/)\n")
        #expect(output.diagnostics.isEmpty)
    }

    @Test func unknownVariableExpandsToNothingWithAWarning() {
        let output = process("a {{page.nope}} b")
        #expect(output.markdown == "a  b\n")
        #expect(output.diagnostics == [.warning("unknown Liquid variable 'page.nope' expands to nothing", file: "p.md", line: 4)])
    }

    @Test func highlightBecomesFencedCodeWithBlankLinesAround() {
        let output = process("<div class=\"action-contents\"> {% highlight json %}\ncurl x\n-d '{}'\n{% endhighlight %}\n</div>")
        // The code itself is set aside; the fence holds a placeholder for it.
        #expect(output.markdown == "<div class=\"action-contents\"> \n\n```json\napigen-code-block:0\n```\n\n</div>\n")
        #expect(output.codeBlock(forPlaceholder: "apigen-code-block:0\n")?.text == "curl x\n-d '{}'\n")
        #expect(output.codeBlock(forPlaceholder: "apigen-code-block:0\n")?.firstLine == 5)
        // Every output line maps back to the page line it came from.
        #expect(output.sourceLines == [4, 4, 4, 5, 7, 7, 8])
    }

    @Test func unclosedHighlightIsReportedAndClosed() {
        let output = process("{% highlight json %}\ncurl x")
        #expect(output.diagnostics == [.warning("{% highlight %} block is never closed", file: "p.md", line: 5)])
        #expect(output.codeBlocks.map(\.text) == ["curl x\n"])
    }

    @Test func dropsKramdownOptions() {
        #expect(process("### Operations\n{::options parse_block_html=\"true\" /}\nx").markdown == "### Operations\n\nx\n")
    }

    @Test func recordsActionBlockLines() {
        let output = process("a\n<div class=\"action\" id=\"x\">\n<div class=\"action-contents\">\n<div class=\"action\">")
        #expect(output.actionBlockLines == [5, 7])
    }
}

@Suite("Table repair")
struct TableRepairTests {
    private func repair(_ lines: [String]) -> (lines: [String], diagnostics: [Diagnostic]) {
        var repair = TableRepair(file: "t.md")
        var output: [String] = []
        var diagnostics: [Diagnostic] = []
        for (index, line) in lines.enumerated() {
            let previous: Substring? = output.last.map { Substring($0) }
            switch repair.repair(Substring(line), line: index + 1, previous: previous) {
            case .unchanged: output.append(line)
            case .replaced(let lines): output += lines.map { String($0) }
            }
            diagnostics += repair.takeDiagnostics()
        }
        return (output, diagnostics)
    }

    @Test func wellFormedRowsPassUntouched() {
        let lines = ["Field | Type | Notes", "---|---|---", "id | int  | The id", "name | string | "]
        let result = repair(lines)
        #expect(result.lines == lines)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func splitsRowsRunTogether() {
        let result = repair([
            "Field | Type | Required | Default | Notes", "---|---|---|---|---",
            "port |  | No | 80 | scheme |  | No | http | The options are `http`, `https`.<br>",
        ])
        #expect(result.lines.suffix(2) == ["port |  | No | 80 | ", "scheme |  | No | http | The options are `http`, `https`."])
        #expect(result.diagnostics.map(\.line) == [3])
    }

    @Test func repairsADelimiterRowWiderThanItsHeader() {
        let result = repair(["Field | Type |  Notes", "---|---|---|---|---|---", "id | string | x"])
        #expect(result.lines[1] == "---|---|---")
        #expect(result.diagnostics.first?.message.contains("header has 3 cells but its delimiter row has 6") == true)
    }

    @Test func reportsTooFewAndTooManyCells() {
        let result = repair(["Field | Type | Notes", "---|---|---", "id | int", "a | b | c | d | e"])
        #expect(result.diagnostics.map(\.message) == [
            "table row has 2 cells, the header has 3", "table row has 5 cells, the header has 3; extra cells ignored",
        ])
    }

    @Test func escapedPipesStayInTheirCell() {
        #expect(TableRepair.cells(of: Substring("a \\| b | c")).count == 2)
    }
}

@Suite("Front matter and page text")
struct FrontMatterTests {
    @Test func readsScalarsAndCountsLines() throws {
        let (frontMatter, body) = try FrontMatter.split("---\ntitle: API\nversion: v1.6\nredirect_from:\n  - /x/\n---\n## x\n")
        #expect(frontMatter?.title == "API")
        #expect(frontMatter?.version == "v1.6")
        #expect(frontMatter?.lineCount == 6)
        #expect(body == "## x\n")
    }

    @Test func pageWithoutFrontMatterIsAllBody() throws {
        let (frontMatter, body) = try FrontMatter.split("## x\n")
        #expect(frontMatter == nil)
        #expect(body == "## x\n")
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: API\r\n---\r\n## x\r\n".utf8))
        let text = try PageTextDecoder.text(from: data).get()
        #expect(text == "---\ntitle: API\n---\n## x\n")
        #expect(try FrontMatter.split(text).frontMatter?.title == "API")
    }

    @Test func reportsInvalidYAMLWithItsLine() {
        #expect {
            try FrontMatter.split("---\ntitle: API\nversion: [unclosed\n---\n")
        } throws: { error in
            guard case FrontMatter.Failure.invalidYAML(let line, _) = error else { return false }
            return line >= 3
        }
    }

    @Test func theCacheSharesValuesAcrossCommentsButNotErrors() throws {
        let cache = FrontMatter.Cache()
        let first = try FrontMatter.split("---\ntitle: API\n#redirect_from: /a/\n---\n## a\n", cache: cache).frontMatter
        let second = try FrontMatter.split("---\ntitle: API\n#redirect_from: /b/\n---\n## b\n", cache: cache).frontMatter
        #expect(first?.title == "API" && second?.title == "API")
        #expect(first?.lineCount == 4 && second?.lineCount == 4)
        let other = try FrontMatter.split("---\ntitle: Rancher API - host\n---\n", cache: cache).frontMatter
        #expect(other?.title == "Rancher API - host")
        #expect {
            try FrontMatter.split("---\ntitle: API\nversion: [x\n---\n", cache: cache)
        } throws: { error in
            if case FrontMatter.Failure.invalidYAML(let line, _) = error { return line >= 3 }
            return false
        }
    }

    @Test func classifiesUnreadableBytes() {
        #expect(PageTextDecoder.text(from: Data()) == .failure(.empty))
        #expect(PageTextDecoder.text(from: Data([0x23, 0x00, 0x01])) == .failure(.binary))
        #expect(PageTextDecoder.text(from: Data(Array("a\nb\n".utf8) + [0xFF, 0xFE])) == .failure(.notUTF8(line: 3)))
    }
}

@Suite("Ordered JSON")
struct OrderedJSONTests {
    @Test func keepsKeyOrderAndLiterals() throws {
        let json = try OrderedJSON.parse("{\"b\": 1, \"a\": [\"x\", 2.5, true, null], \"c\": {\"k\": \"v\\n\\u00e9\"}}")
        guard case .object(let members) = json else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "c"])
        #expect(json["a"] == .array([.string("x"), .number("2.5"), .bool(true), .null]))
        #expect(json["c"]?["k"] == .string("v\né"))
    }

    @Test(arguments: [
        ("{\n\t\"a\": 1,\n}", 3), ("{\"a\" 1}", 1), ("[1, 2", 1), ("{\"a\": tru}", 1), ("{} x", 1), ("\"open", 1),
    ])
    func reportsErrorsWithLines(_ text: String, _ line: Int) {
        #expect { try OrderedJSON.parse(text) } throws: { ($0 as? OrderedJSON.SyntaxError)?.line == line }
    }

    @Test func refusesPathologicalNesting() {
        let deep = String(repeating: "[", count: 10_000)
        #expect(throws: OrderedJSON.SyntaxError.self) { try OrderedJSON.parse(deep) }
    }
}
