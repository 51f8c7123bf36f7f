import Foundation
import Testing
@testable import ApigenKit

/// The `apigen` executable as a build step sees it: exit codes, stdout, stderr.
@Suite("Command line")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable SwiftPM built beside the tests (the test target depends on it).
    static var executable: URL {
        get throws {
            let products = try TestPaths.fixturePages.deletingLastPathComponent().deletingLastPathComponent()
            let url = products.appendingPathComponent("apigen")
            try #require(FileManager.default.isExecutableFile(atPath: url.path), "no apigen executable in \(products.path)")
            return url
        }
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    private let seed = TestPaths.repositoryRoot.appendingPathComponent("input-docs").path

    @Test func dumpPrintsTheIRAndReportsWarningsOnStderr() throws {
        let run = try Self.run(["dump", seed])
        #expect(run.status == 0)
        let document = try CanonicalJSON.decode(APIDocument.self, from: Data(run.stdout.utf8))
        #expect(document.type(named: "networkDriverService") != nil)
        #expect(run.stderr.contains("networkDriverService.md:22: warning: link to missing page 'launchConfig'"))
    }

    @Test func strictTurnsWarningsIntoAFailureWithoutOutput() throws {
        let run = try Self.run(["dump", seed, "--strict"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(": error: "))
    }

    @Test func anUnreadableFolderExitsWithTwo() throws {
        let run = try Self.run(["dump", "/nonexistent/docs"])
        #expect(run.status == 2)
        #expect(run.stderr == "/nonexistent/docs: error: no such file or directory\n")
    }

    @Test func generateThenCheck() throws {
        let output = try TemporaryDocs()
        defer { output.remove() }
        let target = output.url.appendingPathComponent("sdk").path
        let first = try Self.run([seed, target, "--module-name", "Seed"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("apigen: 18 types from 1 pages; "))
        #expect(try Self.run([seed, target, "--module-name", "Seed", "--check"]).status == 0)
        try Data("// edited\n".utf8).write(to: URL(fileURLWithPath: target).appendingPathComponent("Package.swift"))
        let check = try Self.run([seed, target, "--module-name", "Seed", "--check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("would change: Package.swift"))
    }

    /// The README's first command: one line per kind of warning, then the result; every warning with --verbose.
    @Test func generateIsQuietByDefault() throws {
        let output = try TemporaryDocs()
        defer { output.remove() }
        let run = try Self.run([seed, output.url.appendingPathComponent("sdk").path])
        #expect(run.status == 0)
        let lines = (run.stdout + run.stderr).split(separator: "\n")
        #expect(lines.count <= 3, "\(lines)")
        #expect(run.stderr.contains("apigen: 17 linked types have no page: 12 inferred from examples, 0 read as JSON, 5 referred to by ID"))
        #expect(run.stderr.contains("(--verbose lists all 25 warnings)"))
        let verbose = try Self.run([seed, output.url.appendingPathComponent("verbose").path, "--verbose"])
        #expect(verbose.stderr.contains("networkDriverService.md:22: warning: link to missing page 'launchConfig'"))
        #expect(verbose.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }.count == 25)
    }

    @Test func aFolderOfDocsSetsIsAnErrorNamingThem() throws {
        let output = try TemporaryDocs()
        defer { output.remove() }
        let target = output.url.appendingPathComponent("sdk")
        let run = try Self.run([TestPaths.shared.appendingPathComponent("corpus/rancher/v1.6/en/api").path, target.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: this folder holds docs sets, not pages; choose one: v1, v2-beta"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func anOutputThatIsAFileOrInsideTheDocsIsAnError() throws {
        let folder = try TemporaryDocs(["docs/page.md": "x", "file.txt": "x"])
        defer { folder.remove() }
        let docs = folder.url.appendingPathComponent("docs").path
        let intoFile = try Self.run([seed, folder.url.appendingPathComponent("file.txt").path])
        #expect(intoFile.status == 2)
        #expect(intoFile.stderr.contains("file.txt: error: the output is a file, not a folder"))
        let inside = try Self.run([docs, folder.url.appendingPathComponent("docs/out").path])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("error: the output folder is inside the docs folder"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("docs/out").path))
        #expect(try Self.run([docs, docs]).status == 2, "the docs folder itself")
    }

    @Test func aConfigFileInTheCurrentFolderIsRead() throws {
        let folder = try TemporaryDocs(["apigen.yml": "moduleName: FromConfig\naccess: internal\n"])
        defer { folder.remove() }
        let run = try Self.run([seed, "out"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let model = try String(contentsOf: folder.url.appendingPathComponent("out/Sources/FromConfig/Models/ScalePolicy.swift"), encoding: .utf8)
        #expect(model.contains("internal struct ScalePolicy"))
        try Data("modulName: X\n".utf8).write(to: folder.url.appendingPathComponent("apigen.yml"))
        let bad = try Self.run([seed, "out"], in: folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("apigen.yml:1: error: unknown key 'modulName'"))
    }

    @Test func diffOfASetWithItselfIsEmpty() throws {
        let run = try Self.run(["diff", seed, seed, "--fail-on", "info"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("No changes."))
    }
}
