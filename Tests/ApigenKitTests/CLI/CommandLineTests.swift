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

    static func run(_ arguments: [String], in folder: URL? = nil) async throws -> Run {
        let result = try await Subprocess.run(try executable, arguments, in: folder)
        return Run(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
                   stderr: String(decoding: result.stderr, as: UTF8.self))
    }

    private let seed = TestPaths.repositoryRoot.appendingPathComponent("input-docs").path

    @Test func dumpPrintsTheIRAndReportsWarningsOnStderr() async throws {
        let run = try await Self.run(["dump", seed])
        #expect(run.status == 0)
        let document = try CanonicalJSON.decode(APIDocument.self, from: Data(run.stdout.utf8))
        #expect(document.type(named: "networkDriverService") != nil)
        #expect(run.stderr.contains("networkDriverService.md:22: warning: link to missing page 'launchConfig'"))
    }

    @Test func strictTurnsWarningsIntoAFailureWithoutOutput() async throws {
        let run = try await Self.run(["dump", seed, "--strict"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(": error: "))
    }

    @Test func anUnreadableFolderExitsWithTwo() async throws {
        let run = try await Self.run(["dump", "/nonexistent/docs"])
        #expect(run.status == 2)
        #expect(run.stderr == "/nonexistent/docs: error: no such file or directory\n")
    }

    @Test func generateThenCheck() async throws {
        let output = try TemporaryDocs()
        defer { output.remove() }
        let target = output.url.appendingPathComponent("sdk").path
        let first = try await Self.run([seed, target, "--module-name", "Seed"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("apigen: 18 types from 1 pages; "))
        #expect(try await Self.run([seed, target, "--module-name", "Seed", "--check"]).status == 0)
        try Data("// edited\n".utf8).write(to: URL(fileURLWithPath: target).appendingPathComponent("Package.swift"))
        let check = try await Self.run([seed, target, "--module-name", "Seed", "--check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("would change: Package.swift"))
    }

    /// The README's first command: one line per kind of warning, then the result; every warning with --verbose.
    @Test func generateIsQuietByDefault() async throws {
        let output = try TemporaryDocs()
        defer { output.remove() }
        let run = try await Self.run([seed, output.url.appendingPathComponent("sdk").path])
        #expect(run.status == 0)
        let lines = (run.stdout + run.stderr).split(separator: "\n")
        #expect(lines.count <= 3, "\(lines)")
        #expect(run.stderr.contains("apigen: 17 linked types have no page: 12 inferred from examples, 0 read as JSON, 5 referred to by ID"))
        #expect(run.stderr.contains("(--verbose lists all 25 warnings)"))
        let verbose = try await Self.run([seed, output.url.appendingPathComponent("verbose").path, "--verbose"])
        #expect(verbose.stderr.contains("networkDriverService.md:22: warning: link to missing page 'launchConfig'"))
        #expect(verbose.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }.count == 25)
    }

    @Test(.needsCorpus) func aFolderOfDocsSetsIsAnErrorNamingThem() async throws {
        try await checkFolderOfDocsSets(TestPaths.corpus.appendingPathComponent("v1.6/en/api"))
    }

    @Test func aFolderOfFixtureDocsSetsIsAnErrorNamingThem() async throws {
        let folder = try TestPaths.fixtureDocsSets.appendingPathComponent("v1.6/en/api")
        try await checkFolderOfDocsSets(folder)
        let diff = try await Self.run(["diff", folder.path, folder.appendingPathComponent("v2-beta").path])
        #expect(diff.status == 2)
        #expect(diff.stderr.contains("error: this folder holds docs sets, not pages; choose one: v1, v2-beta"))
        #expect(try await Self.run(["dump", folder.appendingPathComponent("v1").path]).status == 0, "one of them reads")
    }

    private func checkFolderOfDocsSets(_ folder: URL) async throws {
        let output = try TemporaryDocs()
        defer { output.remove() }
        let target = output.url.appendingPathComponent("sdk")
        let run = try await Self.run([folder.path, target.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: this folder holds docs sets, not pages; choose one: v1, v2-beta"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func anOutputThatIsAFileOrInsideTheDocsIsAnError() async throws {
        let folder = try TemporaryDocs(["docs/page.md": "x", "file.txt": "x"])
        defer { folder.remove() }
        let docs = folder.url.appendingPathComponent("docs").path
        let intoFile = try await Self.run([seed, folder.url.appendingPathComponent("file.txt").path])
        #expect(intoFile.status == 2)
        #expect(intoFile.stderr.contains("file.txt: error: the output is a file, not a folder"))
        let inside = try await Self.run([docs, folder.url.appendingPathComponent("docs/out").path])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("error: the output folder is inside the docs folder"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("docs/out").path))
        #expect(try await Self.run([docs, docs]).status == 2, "the docs folder itself")
    }

    @Test func aConfigFileInTheCurrentFolderIsRead() async throws {
        let folder = try TemporaryDocs(["apigen.yml": "moduleName: FromConfig\naccess: internal\n"])
        defer { folder.remove() }
        let run = try await Self.run([seed, "out"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let model = try String(contentsOf: folder.url.appendingPathComponent("out/Sources/FromConfig/Models/ScalePolicy.swift"), encoding: .utf8)
        #expect(model.contains("internal struct ScalePolicy"))
        try Data("modulName: X\n".utf8).write(to: folder.url.appendingPathComponent("apigen.yml"))
        let bad = try await Self.run([seed, "out"], in: folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("apigen.yml:1: error: unknown key 'modulName'"))
    }

    /// Two docs sets, two modules, one package over one runtime target; the module names are the user's to give.
    @Test func severalDocsSetsMakeOnePackageWithAModuleEach() async throws {
        let sets = try TestPaths.fixtureDocsSets.appendingPathComponent("v1.6/en/api")
        let (v2, v1) = (sets.appendingPathComponent("v2-beta").path, sets.appendingPathComponent("v1").path)
        let folder = try TemporaryDocs()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("sdk")
        let run = try await Self.run([v2, v1, output.path, "--module-name", "RancherV2", "--module-name", "RancherV1"])
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try String(contentsOf: output.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".target(name: \"RancherV2\", dependencies: [\"RancherRuntime\"])"))
        #expect(manifest.contains(".target(name: \"RancherV1\", dependencies: [\"RancherRuntime\"])"))
        #expect(manifest.components(separatedBy: ".target(name: \"RancherRuntime\")").count == 2, "one runtime target")
        for path in ["Sources/RancherRuntime/Client.swift", "Sources/RancherV2/Models/ResourceTypes.swift",
                     "Sources/RancherV1/Models/ResourceTypes.swift", "Tests/RancherV1Tests/Support/LoopbackServer.swift",
                     "Tests/RancherV2Tests/Support/LoopbackServer.swift", "docs/RancherV2/README.md", "docs/RancherV1/README.md"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("Sources/RancherV1/RancherRuntime").path))
        let again = try await Self.run([v2, v1, output.path, "--module-name", "RancherV2", "--module-name", "RancherV1"])
        #expect(again.stdout.contains("is up to date"), "\(again.stdout)")

        let unnamed = try await Self.run([v2, v1, output.path, "--module-name", "RancherV2"])
        #expect(unnamed.status != 0)
        #expect(unnamed.stderr.contains("2 docs sets make 2 modules: give --module-name 2 times, in order"))
        let twice = try await Self.run([v2, v1, output.path, "--module-name", "Rancher", "--module-name", "Rancher"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("two docs sets would both be the module 'Rancher'"))
        let runtimeName = try await Self.run([v2, output.path, "--module-name", "RancherRuntime"])
        #expect(runtimeName.status == 2)
        #expect(runtimeName.stderr.contains("'RancherRuntime' is the runtime's module in every package"))
    }

    @Test func diffOfASetWithItselfIsEmpty() async throws {
        let run = try await Self.run(["diff", seed, seed, "--fail-on", "info"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("No changes."))
    }
}
