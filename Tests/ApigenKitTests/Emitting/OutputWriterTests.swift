import Foundation
import Testing
@testable import ApigenKit

/// apigen as a build step: writes only what changed, removes only what it generated, and leaves the
/// output alone when the run fails.
@Suite("Incremental output")
struct OutputWriterTests {
    private let widget = PageBuilder.resourcePage(
        "widget", writeable: ["name | string | Yes | - | - | "], create: "{\"name\": \"string\"}")
    private let gadget = PageBuilder.typePage("gadget", writeable: ["size | int | Optional | - | - | "])

    private func run(_ docs: TemporaryDocs, into output: URL, strict: Bool = false, check: Bool = false) throws -> Generator.Report {
        try Generator.run(docs: docs.url, output: output, options: Generator.Options(
            loading: .init(strict: strict), emitting: EmitOptions(moduleName: "Sample"), checkOnly: check))
    }

    private func modificationDates(in folder: URL) throws -> [String: Date] {
        var dates: [String: Date] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            if attributes[.type] as? FileAttributeType == .typeRegular { dates[path] = attributes[.modificationDate] as? Date }
        }
        return dates
    }

    private func ageEverything(in folder: URL) throws {
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in try modificationDates(in: folder).keys {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
    }

    @Test func aNoOpRerunWritesNothing() throws {
        let docs = try TemporaryDocs(["widget.md": widget])
        let output = try TemporaryDocs()
        defer { docs.remove(); output.remove() }
        let first = try run(docs, into: output.url)
        #expect(!first.plan.written.isEmpty)
        try ageEverything(in: output.url)
        let before = try modificationDates(in: output.url)
        let second = try run(docs, into: output.url)
        #expect(second.plan.written.isEmpty && second.plan.removed.isEmpty)
        #expect(try modificationDates(in: output.url) == before, "no file, manifest included, was touched")
    }

    @Test func editingAPageRewritesOnlyItsFiles() throws {
        let docs = try TemporaryDocs(["widget.md": widget, "gadget.md": gadget])
        let output = try TemporaryDocs()
        defer { docs.remove(); output.remove() }
        _ = try run(docs, into: output.url)
        try docs.write("gadget.md", Data(gadget.replacingOccurrences(of: "size | int", with: "size | float").utf8))
        let report = try run(docs, into: output.url)
        #expect(report.plan.written == ["Sources/Sample/Models/Gadget.swift", "docs/Gadget.md"], "the model and its page")
    }

    @Test func aRemovedPageRemovesItsFilesAndUserFilesSurvive() throws {
        let docs = try TemporaryDocs(["widget.md": widget, "gadget.md": gadget])
        let output = try TemporaryDocs(["Sources/Sample/Extensions/Mine.swift": "// mine\n", "NOTES.md": "mine\n"])
        defer { docs.remove(); output.remove() }
        _ = try run(docs, into: output.url)
        try FileManager.default.removeItem(at: docs.url.appendingPathComponent("gadget.md"))
        let report = try run(docs, into: output.url)
        #expect(report.plan.removed == ["Sources/Sample/Models/Gadget.swift", "docs/Gadget.md"])
        #expect(!FileManager.default.fileExists(atPath: output.url.appendingPathComponent("Sources/Sample/Models/Gadget.swift").path))
        #expect(try String(contentsOf: output.url.appendingPathComponent("Sources/Sample/Extensions/Mine.swift"), encoding: .utf8) == "// mine\n")
        #expect(FileManager.default.fileExists(atPath: output.url.appendingPathComponent("NOTES.md").path))
    }

    @Test func aFailingRunLeavesTheOutputUntouched() throws {
        let docs = try TemporaryDocs(["widget.md": widget])
        let output = try TemporaryDocs()
        defer { docs.remove(); output.remove() }
        _ = try run(docs, into: output.url)
        try ageEverything(in: output.url)
        let before = try modificationDates(in: output.url)
        try docs.write("broken.md", Data("## broken\n".utf8))  // no front matter: a warning, an error with --strict
        try docs.write("widget.md", Data(widget.replacingOccurrences(of: "name | string", with: "label | string").utf8))
        let report = try run(docs, into: output.url, strict: true)
        #expect(report.failed)
        #expect(try modificationDates(in: output.url) == before)
    }

    @Test func checkReportsWithoutWriting() throws {
        let docs = try TemporaryDocs(["widget.md": widget])
        let output = try TemporaryDocs()
        defer { docs.remove(); output.remove() }
        let dryRun = try run(docs, into: output.url, check: true)
        #expect(!dryRun.plan.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.url.path).isEmpty)
        _ = try run(docs, into: output.url)
        #expect(try run(docs, into: output.url, check: true).plan.isEmpty)
    }

    /// A page named with 250 characters made a file name the file system refuses; the run stopped
    /// half-way and left part of a package behind. Names are checked before anything is written.
    @Test func aNameTooLongForTheFileSystemWritesNothing() throws {
        let name = String(repeating: "w", count: 250)
        let docs = try TemporaryDocs(["\(name).md": PageBuilder.typePage(name, writeable: ["size | int | Optional | - | - | "])])
        defer { docs.remove() }
        let output = docs.url.appendingPathComponent("out")
        #expect(throws: DiagnosticError.self) { try run(docs, into: output) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func pathsOutsideTheOutputAreRefused() throws {
        let writer = OutputWriter(folder: URL(fileURLWithPath: "/tmp/apigen-never"))
        for path in ["../escape.swift", "/etc/passwd", "a/../../b", "", "a//b"] {
            #expect(throws: DiagnosticError.self) { try writer.location(of: path) }
        }
    }
}

@Suite("Up-to-date shortcut")
struct UpToDateTests {
    private let widget = PageBuilder.resourcePage(
        "widget", writeable: ["name | string | Yes | - | - | "], create: "{\"name\": \"string\"}")

    private func run(_ docs: TemporaryDocs, into output: URL, module: String = "Sample") throws -> Generator.Report {
        try Generator.run(docs: docs.url, output: output, options: Generator.Options(emitting: EmitOptions(moduleName: module)))
    }

    @Test func unchangedInputsAndOutputsSkipTheWholePipeline() throws {
        let docs = try TemporaryDocs(["widget.md": widget])
        let output = try TemporaryDocs()
        defer { docs.remove(); output.remove() }
        #expect(try run(docs, into: output.url).upToDate == false)
        let second = try run(docs, into: output.url)
        #expect(second.upToDate)
        #expect(second.plan.written.isEmpty && !second.plan.unchanged.isEmpty)
    }

    @Test func anEditedPageOptionOrGeneratedFileMeansAFullRun() throws {
        let docs = try TemporaryDocs(["widget.md": widget])
        let output = try TemporaryDocs()
        defer { docs.remove(); output.remove() }
        _ = try run(docs, into: output.url)

        try docs.write("widget.md", Data(widget.replacingOccurrences(of: "name | string", with: "title | string").utf8))
        #expect(try run(docs, into: output.url).upToDate == false, "a page changed")
        #expect(try run(docs, into: output.url, module: "Other").upToDate == false, "an option changed")
        _ = try run(docs, into: output.url)

        let model = output.url.appendingPathComponent("Sources/Sample/Models/Widget.swift")
        try Data("// edited by hand\n".utf8).write(to: model)
        let repaired = try run(docs, into: output.url)
        #expect(repaired.upToDate == false, "a generated file was edited")
        #expect(repaired.plan.written == ["Sources/Sample/Models/Widget.swift"])
    }
}
