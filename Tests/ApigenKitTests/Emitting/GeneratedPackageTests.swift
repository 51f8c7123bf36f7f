import Foundation
import Testing
@testable import ApigenKit

/// The committed `generated/` folder is the reference output for `input-docs/`: the generator must
/// reproduce it byte for byte, and it must build without warnings.
@Suite("Generated package")
struct GeneratedPackageTests {
    static let generatedFolder = TestPaths.repositoryRoot.appendingPathComponent("generated")

    private func seedFiles() throws -> [GeneratedFile] {
        let document = try DocsSetLoader.load(TestPaths.repositoryRoot.appendingPathComponent("input-docs"))
        return try SDKEmitter(options: EmitOptions()).emit(document)
    }

    @Test func generatedFolderMatchesTheGenerator() throws {
        let files = try seedFiles()
        let writer = OutputWriter(folder: Self.generatedFolder)
        let plan = try writer.plan(files)
        #expect(plan.written.isEmpty, "generated/ is stale: run `swift run apigen input-docs generated` (\(plan.written))")
        #expect(plan.removed.isEmpty)
        let manifest = try String(contentsOf: Self.generatedFolder.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8)
        #expect(manifest == OutputWriter.manifest(for: files))
    }

    @Test func seedSDKHasTheExpectedShape() throws {
        let paths = Set(try seedFiles().map(\.path))
        for path in [
            "Package.swift", "README.md", "Sources/Rancher/Client/NetworkDriverServiceClient.swift",
            "Sources/Rancher/Models/NetworkDriverService.swift", "Sources/Rancher/Models/LaunchConfig.swift",
            "Sources/Rancher/Models/ServiceUpgrade.swift", "Sources/Rancher/Models/HealthCheck.swift",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(paths.contains { $0.hasPrefix("Sources/Rancher/Support/") })
        #expect(paths.contains { $0.hasPrefix("Tests/RancherTests/") })
    }

    /// Builds a freshly generated copy (so the test also covers uncommitted generator changes) with
    /// warnings as errors, Swift 6 language mode being the package's default; then converts its DocC
    /// catalog against the module's symbol graph, warnings as errors too.
    @Test(.timeLimit(.minutes(10)))
    func generatedSeedPackageBuildsAndDocumentsWithoutWarnings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = OutputWriter(folder: folder)
        let files = try seedFiles()
        try writer.apply(try writer.plan(files), files: files)
        // Tests of the models (coding, values, mismatches) and of the deploy workflow, beside the generated ones.
        let modelTests = TestPaths.repositoryRoot.appendingPathComponent("Tests/ApigenKitTests/Fixtures/seed-package-tests")
        for name in try FileManager.default.contentsOfDirectory(atPath: modelTests.path) {
            try FileManager.default.copyItem(at: modelTests.appendingPathComponent(name),
                                             to: folder.appendingPathComponent("Tests/RancherTests/\(name)"))
        }
        let symbolGraphs = folder.appendingPathComponent(".symbol-graphs").path
        try FileManager.default.createDirectory(atPath: symbolGraphs, withIntermediateDirectories: true)
        let build = try SwiftBuild.run([
            "swift", "build", "-Xswiftc", "-warnings-as-errors", "-Xswiftc", "-emit-symbol-graph",
            "-Xswiftc", "-emit-symbol-graph-dir", "-Xswiftc", symbolGraphs,
        ], in: folder)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(!build.output.contains("warning:"), "\(build.output.suffix(4000))")
        let docc = try SwiftBuild.run([
            "docc", "convert", "Sources/Rancher/Rancher.docc", "--additional-symbol-graph-dir", symbolGraphs,
            "--output-dir", folder.appendingPathComponent(".docc-build").path, "--warnings-as-errors",
        ], in: folder)
        #expect(docc.status == 0, "\(docc.output.suffix(4000))")
        #expect(!docc.output.contains("warning:") && !docc.output.contains("error:"), "\(docc.output.suffix(4000))")
        // The package's own tests: the runtime and every generated client call over HTTP on 127.0.0.1, and the
        // model conformance tests copied in above.
        let tests = try SwiftBuild.run(["swift", "test"], in: folder)
        #expect(tests.status == 0, "\(tests.output.suffix(4000))")
        #expect(tests.output.contains(" passed after "), "\(tests.output.suffix(2000))")
        #expect(tests.output.contains("Suite \"Generated model conformances\" passed"), "\(tests.output.suffix(2000))")
        #expect(tests.output.contains("Suite \"Deploy workflow\" passed"), "\(tests.output.suffix(2000))")
    }
}

/// Runs a toolchain command (`swift`, `docc`) in a folder and collects its output.
enum SwiftBuild {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
