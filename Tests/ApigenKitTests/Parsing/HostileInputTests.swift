import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ApigenKit

/// Inputs a fuzzer found that crashed or stalled the tool; each now ends with a diagnostic or a result.
/// The time limit turns a regression into a failure instead of a stalled CI run.
@Suite("Hostile input", .timeLimit(.minutes(1)))
struct HostileInputTests {
    /// Each test's median duration, measured on this project's 2-core CI machine (debug build,
    /// `swift test --no-parallel --filter HostileInputTests`, five runs, 2026-11-30). A test fails past ten
    /// times its median, so a regression of 10× fails, not only one of 100× (the suite's minute); at least
    /// 250 ms, below which scheduling on two busy cores (the tests run beside a package build) is the noise.
    private static let medians: [String: Duration] = [
        "attributesWithoutBlanksCountToo": .milliseconds(2), "crowdedTagsAreRefused": .milliseconds(5),
        "deepNestingIsBounded": .milliseconds(23), "exampleMatchingAnotherTypeEndsTheInference": .milliseconds(2),
        "largeExamplesStayFast": .milliseconds(3_951), "longNamesDoNotStallTheEmitter": .milliseconds(139),
        "manyMissingPagesAreOneWalk": .milliseconds(289), "nonRegularFilesAreNotPages": .milliseconds(1),
        "oversizedMarkdownIsRefused": .milliseconds(33), "repeatedActionsAreOne": .milliseconds(350),
        "repeatedEnumOptionsAreOneCase": .milliseconds(135), "tableCellsAreBoundedPerPage": .milliseconds(34),
        "unclosedLiquidBracesAreText": .milliseconds(16), "wideTablesAreRefused": .milliseconds(20),
    ]

    /// Runs a test's body and fails it when it took more than ten times its measured median.
    private func withinBound(test: String = #function, _ body: () throws -> Void) rethrows {
        let name = String(test.prefix { $0 != "(" })
        guard let median = Self.medians[name] else {
            Issue.record("no measured median for \(name)")
            return try body()
        }
        let elapsed = try ContinuousClock().measure(body)
        let bound = max(median * 10, .milliseconds(250))
        #expect(elapsed < bound, "\(name) took \(elapsed), ten times its median is \(bound)")
    }

    private func load(_ files: [String: String]) throws -> APIDocument {
        let docs = try TemporaryDocs(files)
        defer { docs.remove() }
        return try docs.load()
    }

    /// cmark's tree was walked recursively: 120,000 nested quotes overflowed the stack (SIGSEGV); and cmark
    /// itself costs depth times inline nodes (65,000 quotes deep over 65,000 quotes: 15 s). Such pages are
    /// refused; nesting up to the limit is read.
    @Test func deepNestingIsBounded() throws {
        try withinBound {
            let document = try load([
                "quotes.md": "## quotes\n\n" + String(repeating: ">", count: 120_000),
                "lists.md": "## lists\n\n" + String(repeating: "- ", count: 60_000),
                "inlines.md": "## inlines\n\n" + String(repeating: ">", count: 65_000) + String(repeating: "\"", count: 65_000) + "\n",
                "nested.md": "## nested\n\n" + String(repeating: "> ", count: 100) + "text\n",
            ])
            #expect(document.types.map(\.name) == ["nested"])
            for file in ["quotes.md", "lists.md", "inlines.md"] {
                #expect(document.diagnostics.contains(.error("blocks nested more than 128 deep; the page is not read", file: file, line: 3)))
            }
        }
    }

    /// cmark-gfm 0.29 is quadratic on repeated `![[]()`: 210 KB took 4.6 s, 1 MB minutes.
    @Test func oversizedMarkdownIsRefused() throws {
        try withinBound {
            let document = try load(["big.md": "## big\n\n" + String(repeating: "![[]()\n", count: 20_000), "small.md": "## small\n"])
            #expect(document.types.map(\.name) == ["small"])
            #expect(document.diagnostics.contains(.error(
                "the page has more than 128 KiB of Markdown outside code blocks; not read", file: "big.md", line: 1)))
        }
    }

    /// An example body with exactly the fields of another type renamed the fields that mention it but not
    /// the action input, so the inference loop found the same undefined name forever.
    @Test func exampleMatchingAnotherTypeEndsTheInference() throws {
        try withinBound {
            let page = """
                ## T

                x|y
                -|-
                a|
                b|

                <div class="action" id="g"><span class="header"><span class="headerright">P:<code>/</code></span></span><span class="input"><a href="/x/">X</a></span><pre>-d '{"a":1,"b":2}'</pre></div>
                """
            let document = try load(["t.md": page])
            #expect(document.type(named: "t")?.actions.first?.input == "t", "the input has the fields of t, so it is t")
        }
    }

    /// A 1,300-letter field name became a 1,300-letter "word" that made the action-name split cubic.
    @Test func longNamesDoNotStallTheEmitter() throws {
        try withinBound {
            let long = String(repeating: "b", count: 1_300)
            let page = "## T\n\nField | Type\n---|---\n\(long) | string\n\n"
                + PageBuilder.action(String(repeating: "a", count: 1_300), on: "t")
            let document = try load(["t.md": page])
            let files = try SDKEmitter(options: EmitOptions()).emit(document)
            #expect(files.contains { $0.contents.contains(long) })
        }
    }

    /// Each repeated option got one more underscore (`a`, `a_`, `a__`, …): cubic, 24 MB of Swift for 4,000
    /// repeats, and duplicate `case "a":` labels. Now one case per option; clashing names are numbered.
    @Test func repeatedEnumOptionsAreOneCase() throws {
        try withinBound {
            let options = Array(repeating: "`a`", count: 5_000).joined(separator: ", ") + ", `b-c`, `bC`"
            let page = "## T\n\nField | Type | Notes\n---|---|---\nmode | enum | The options are \(options).\n"
            let files = try SDKEmitter(options: EmitOptions()).emit(try load(["t.md": page]))
            let model = try #require(files.first { $0.path.hasSuffix("Models/T.swift") }?.contents)
            #expect(model.components(separatedBy: "case \"a\": self = .a\n").count == 2)
            #expect(model.contains("case \"b-c\": self = .bC\n"))
            #expect(model.contains("case \"bC\": self = .bC2\n"))
        }
    }

    /// libxml2 compares each attribute of a tag with the ones before it: 80,000 attributes took 18 s.
    @Test(arguments: ["md", "html"])
    func crowdedTagsAreRefused(_ format: String) throws {
        try withinBound {
            let tag = "<div " + (0..<1_200).map { "a\($0)" }.joined(separator: " ") + ">"
            let page = PageBuilder.frontMatter() + "\n## crowded\n\n" + tag + "\n"
            let document = try load(["crowded.\(format)": page, "small.md": "## small\n"])
            #expect(document.types.map(\.name) == ["small"])
            #expect(document.diagnostics.contains(.error(
                "a tag with more than 1000 attributes; the page is not read", file: "crowded.\(format)", line: 11)))
        }
    }

    /// libxml2 also takes `a0=""a1=""` (no blank) as separate attributes: 80,000 of them took 20 s.
    @Test func attributesWithoutBlanksCountToo() throws {
        try withinBound {
            let tag = "<div " + (0..<1_200).map { "a\($0)=\"\"" }.joined() + ">"
            let document = try load(["glued.html": "<h2>glued</h2>\n" + tag + "\n"])
            #expect(document.diagnostics.contains(.error("a tag with more than 1000 attributes; the page is not read", file: "glued.html", line: 2)))
        }
    }

    /// cmark-gfm's table extension is quadratic in the cells of a row and pads rows to the header's width.
    @Test func wideTablesAreRefused() throws {
        try withinBound {
            let wideHeader = "## wide\n\n" + String(repeating: "a|", count: 5_000) + "\n-|-\n" + String(repeating: "x\n", count: 500)
            let wideRow = "## row\n\na|b\n-|-\n" + String(repeating: "|", count: 60_000) + "\n"
            let document = try load(["wide.md": wideHeader, "row.md": wideRow, "small.md": "## small\n"])
            #expect(document.types.map(\.name) == ["small"])
            #expect(document.diagnostics.contains(.error("a line of 5000 table cells (more than 256); the page is not read", file: "wide.md", line: 3)))
            #expect(document.diagnostics.contains(.error("a line of 60000 table cells (more than 256); the page is not read", file: "row.md", line: 5)))
        }
    }

    /// Each missing name rescanned every type: 10,000 links to missing pages took 23 s.
    @Test func manyMissingPagesAreOneWalk() throws {
        try withinBound {
            let rows = (0..<10_000).map { "<tr><td>f\($0)</td><td><a href=\"/x/t\($0)/\">t\($0)</a></td></tr>" }.joined(separator: "\n")
            let page = "<h2>many</h2>\n<table><tr><th>Field</th><th>Type</th></tr>\n\(rows)\n</table>\n"
            let document = try load(["many.html": page])
            #expect(document.type(named: "many")?.fields.count == 10_000)
            #expect(document.diagnostics.filter { $0.message.hasPrefix("link to missing page") }.count == 10_000)
        }
    }

    /// Every `{` of a line of braces searched the rest of the line for `}}`: 200,000 took 19 s.
    @Test func unclosedLiquidBracesAreText() throws {
        try withinBound {
            let code = "{% highlight json %}\n" + String(repeating: "{", count: 200_000) + "\n{% endhighlight %}\n"
            let document = try load(["braces.md": PageBuilder.frontMatter() + "\n## braces\n\n" + code])
            #expect(document.types.map(\.name) == ["braces"])
        }
    }

    /// Tables inside quotes escape the table repair, and cmark pads every row to the header's width:
    /// the widest line's pipes times the lines bound the cells.
    @Test func tableCellsAreBoundedPerPage() throws {
        try withinBound {
            let quoted = "## quoted\n\n> a|b\n> -|-\n" + String(repeating: "> " + String(repeating: "|", count: 60_000) + "\n", count: 2)
            let tall = "## tall\n\n" + String(repeating: "a|", count: 256) + "\n-|-\n" + String(repeating: "x\n", count: 25_000)
            let document = try load(["quoted.md": quoted, "tall.md": tall, "small.md": "## small\n"])
            #expect(document.types.map(\.name) == ["small"])
            #expect(document.diagnostics.filter { $0.severity == .error } == [
                .error("a line of 60000 table cells (more than 256); the page is not read", file: "quoted.md", line: 5),
                .error("257 columns over 25006 lines could make more than 200000 table cells; the page is not read", file: "tall.md", line: 3),
            ])
        }
    }

    /// 3,000 actions of one name made test names `GAgainAgain…` (cubic) and 3,000 identical methods.
    @Test func repeatedActionsAreOne() throws {
        try withinBound {
            let block = "<div class=\"action\" id=\"g\"><span class=\"header\"><span class=\"headerright\">POST:<code>/g</code></span></span><span class=\"input\">This action has no inputs</span></div>\n"
            let document = try load(["t.html": "<h2>t</h2>\n" + String(repeating: block, count: 3_000)])
            #expect(document.type(named: "t")?.actions.count == 1)
            #expect(document.diagnostics.filter { $0.message == "duplicate action 'g'; the later one is ignored" }.count == 2_999)
            _ = try SDKEmitter(options: EmitOptions()).emit(document)
        }
    }

    /// A FIFO named like a page blocked the read forever.
    @Test func nonRegularFilesAreNotPages() throws {
        try withinBound {
            let docs = try TemporaryDocs(["good.md": "## good\n"])
            defer { docs.remove() }
            #expect(mkfifo(docs.url.appendingPathComponent("fifo.md").path, 0o644) == 0)
            #expect(try docs.load().types.map(\.name) == ["good"])
        }
    }

    /// Example bodies (in code blocks, outside the Markdown limit): 60,000 keys in one object were looked up
    /// one by one (12 s); thousands of nested objects each remade the list of undefined names (17 s).
    @Test func largeExamplesStayFast() throws {
        try withinBound {
            let wide = "{" + (0..<60_000).map { "\"k\($0)\":0" }.joined(separator: ",") + "}"
            func deep(_ body: Int) -> String { (0..<150).reduce("{\"x\":1}") { inner, level in "{\"n\(body)x\(level)\":\(inner)}" } }
            func page(_ name: String, bodies: [String]) -> String {
                PageBuilder.resourcePage(name, actions: bodies.enumerated().map { index, body in
                    PageBuilder.action("run\(index)", on: name, input: "missing\(name)\(index)", body: body)
                })
            }
            #expect(try load(["wide.md": page("wide", bodies: [wide])]).type(named: "missingwide0")?.fields.count == 60_000)
            let deepDocument = try load(["deep.md": page("deep", bodies: (0..<10).map(deep))])
            #expect(deepDocument.diagnostics.contains { $0.message.hasPrefix("more than 1000 types to infer") })
        }
    }
}
