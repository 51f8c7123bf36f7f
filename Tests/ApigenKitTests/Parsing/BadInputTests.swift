import Foundation
import Testing
@testable import ApigenKit

/// Every kind of bad input gets a `file:line` diagnostic and the rest of the set is still read.
@Suite("Bad input")
struct BadInputTests {
    private let goodPage = PageBuilder.typePage("good", writeable: ["name | string | Yes | - | - | "])

    /// Loads `good.md` plus the given files; returns the diagnostics and the type names read.
    private func load(_ files: [String: String], strict: Bool = false) throws -> (diagnostics: [Diagnostic], types: [String]) {
        let docs = try TemporaryDocs(files.merging(["good.md": goodPage]) { first, _ in first })
        defer { docs.remove() }
        let document = try docs.load(strict: strict)
        return (document.diagnostics, document.types.map(\.name))
    }

    private func loadBytes(_ name: String, _ bytes: [UInt8]) throws -> (diagnostics: [Diagnostic], types: [String]) {
        let docs = try TemporaryDocs(["good.md": goodPage])
        defer { docs.remove() }
        try docs.write(name, Data(bytes))
        let document = try docs.load()
        return (document.diagnostics, document.types.map(\.name))
    }

    @Test func emptyFile() throws {
        let result = try load(["empty.md": ""])
        #expect(result.diagnostics == [.error("the page is empty", file: "empty.md")])
        #expect(result.types == ["good"])
    }

    @Test func binaryFile() throws {
        let result = try loadBytes("image.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A])
        #expect(result.diagnostics == [.error("the file is binary, not a docs page", file: "image.md")])
        #expect(result.types == ["good"])
    }

    @Test func nonUTF8File() throws {
        let result = try loadBytes("latin1.md", Array("---\ntitle: API\n---\n## caf".utf8) + [0xE9, 0x0A])
        #expect(result.diagnostics == [.error("the file is not valid UTF-8", file: "latin1.md", line: 4)])
    }

    @Test func noFrontMatterIsAWarningAndThePageIsRead() throws {
        let result = try load(["bare.md": "## bare\n\n#### Writeable Fields\n\nField | Type | Create | Update | Default | Notes\n---|---|---|---|---|---\nx | int | Yes | - | - | \n"])
        #expect(result.diagnostics == [.warning("page has no front matter; Liquid page variables expand to nothing", file: "bare.md", line: 1)])
        #expect(result.types == ["bare", "good"])
    }

    @Test func unterminatedOrInvalidFrontMatter() throws {
        let result = try load([
            "open.md": "---\ntitle: API\n## x\n", "yaml.md": "---\ntitle: [API\n---\n## yaml\n",
            "fence.md": "---", "fence-line.md": "---\n",
        ])
        #expect(result.diagnostics.contains(.error("front matter has no closing '---' line", file: "open.md", line: 1)))
        // A file that is only an opening fence once crashed the reader.
        #expect(result.diagnostics.contains(.error("front matter has no closing '---' line", file: "fence.md", line: 1)))
        #expect(result.diagnostics.contains(.error("front matter has no closing '---' line", file: "fence-line.md", line: 1)))
        #expect(result.diagnostics.contains { $0.file == "yaml.md" && $0.severity == .error && $0.message.hasPrefix("invalid YAML front matter") })
    }

    @Test func pageWithoutHeading() throws {
        let result = try load(["notes.md": PageBuilder.frontMatter() + "Just some notes.\n"])
        #expect(result.diagnostics == [.error("no '## ' heading: not an API page", file: "notes.md", line: 8)])
    }

    @Test func tableWithTooFewOrTooManyCells() throws {
        let page = PageBuilder.typePage("cells", writeable: ["short | string", "long | string | Yes | - | - | x | y | z"])
        let result = try load(["cells.md": page])
        #expect(result.diagnostics == [
            .warning("table row has 2 cells, the header has 6", file: "cells.md", line: 17),
            .warning("table row has 8 cells, the header has 6; extra cells ignored", file: "cells.md", line: 18),
        ])
    }

    @Test func unknownAndMalformedTypeStrings() throws {
        let page = PageBuilder.typePage("types", writeable: ["a | strin | Yes | - | - | ", "b | array[int | Yes | - | - | "])
        let result = try load(["types.md": page])
        #expect(result.diagnostics == [
            .warning("field 'a': unknown type 'strin', read as 'json'", file: "types.md", line: 17),
            .warning("field 'b': unreadable type: expected ']' in 'array[int'", file: "types.md", line: 18),
        ])
    }

    @Test func brokenJSONBodyIsReportedAtItsLine() throws {
        let page = PageBuilder.resourcePage("broken", writeable: ["name | string | Yes | - | - | "], create: "{\n\t\"name\": \"string\",\n}")
        let result = try load(["broken.md": page])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "broken JSON in curl example: expected a key in JSON object")
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[diagnostic.line - 1] == "}' 'http://${RANCHER_URL}:8080/v2-beta/projects/${PROJECT_ID}/brokens'")
    }

    @Test func linkToMissingPage() throws {
        let page = PageBuilder.typePage("linker", writeable: ["thing | \(PageBuilder.link("nowhere")) | Yes | - | - | "])
        let result = try load(["linker.md": page])
        #expect(result.diagnostics == [.warning("link to missing page 'nowhere'", file: "linker.md", line: 17)])
    }

    @Test func duplicateFieldNames() throws {
        let page = PageBuilder.resourcePage("dup", writeable: ["name | string | Yes | - | - | "], readOnly: ["name | int | "])
        let result = try load(["dup.md": page])
        #expect(result.diagnostics == [.warning("duplicate field 'name'; the later row is ignored", file: "dup.md", line: 23)])
    }

    @Test func folderWithNoPages() throws {
        let docs = try TemporaryDocs(["notes.txt": "nothing here"])
        defer { docs.remove() }
        #expect { try docs.load() } throws: { error in
            (error as? DiagnosticError)?.diagnostic.message == "no docs pages (*.md, *.html, <name>/index.md) in this folder"
        }
    }

    @Test func pathThatDoesNotExist() {
        let missing = URL(fileURLWithPath: "/nonexistent/apigen/docs")
        #expect { try DocsSetLoader.load(missing) } throws: { error in
            (error as? DiagnosticError)?.diagnostic == .error("no such file or directory", file: "/nonexistent/apigen/docs")
        }
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let result = try load(["bare.md": "## bare\n"], strict: true)
        #expect(result.diagnostics.map(\.severity) == [.error])
    }

    @Test func diagnosticsPrintAsCompilerStyleLines() {
        #expect(Diagnostic.warning("m", file: "a/b.md", line: 7).description == "a/b.md:7: warning: m")
        #expect(Diagnostic.error("m", file: "a/b.md").description == "a/b.md: error: m")
    }

    /// Mangled copies of the seed page: the reader returns (no crash, no hang), with the outcome the bytes call
    /// for. Text that is not UTF-8, or holds a NUL, is refused as such. The Markdown page read as HTML has no
    /// `<h2>`: not an API page. Read as Markdown it is read, unless an inserted `<div` opens a tag that never
    /// closes and swallows the rest of the page as attributes: refused at the attribute limit.
    @Test func mangledPagesNeverCrash() throws {
        let unclosedTag = "a tag with more than 1000 attributes; the page is not read"
        let seed = try Data(contentsOf: TestPaths.seedPage)
        var generator = SeededGenerator(seed: 42)
        for round in 0..<150 {
            var bytes = [UInt8](seed)
            for _ in 0..<(1 + round % 20) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch round % 3 {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: position)
                default: bytes.insert(contentsOf: Array("|<div class=\"action\">{%[".utf8).shuffled(using: &generator), at: position)
                }
            }
            let result = PageParser.read(data: Data(bytes), name: "mangled", file: "mangled.md", format: round % 5 == 0 ? .html : .markdown)
            let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
            if String(validating: bytes, as: UTF8.self) == nil || bytes.contains(0) {
                #expect(result.page == nil, "round \(round)")
                #expect(errors.count == 1 && (errors[0].contains("UTF-8") || errors[0].contains("binary")), "round \(round): \(errors)")
            } else if round % 5 == 0 {
                #expect(result.page == nil, "round \(round)")
                #expect(errors == ["no '## ' heading: not an API page"] || errors == [unclosedTag], "round \(round): \(errors)")
            } else if errors.isEmpty {
                #expect(result.page != nil, "round \(round)")
            } else {
                #expect(result.page == nil && errors == [unclosedTag] && round % 3 == 2, "round \(round): \(errors)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing mangled input can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
