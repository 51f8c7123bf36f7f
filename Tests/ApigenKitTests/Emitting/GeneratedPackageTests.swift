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
        #expect(paths.contains("Sources/RancherRuntime/Client.swift"), "the runtime, copied")
        #expect(paths.contains("Tests/RancherTests/Support/LoopbackServer.swift"), "the loopback server generated tests use")
        #expect(paths.contains { $0.hasPrefix("Tests/RancherTests/") })
    }

    /// The package gets the repository's runtime byte for byte: every file of `Runtime/RancherRuntime` in
    /// `Sources/RancherRuntime`, every file of `Runtime/TestSupport` in the tests' `Support/`, nothing else.
    @Test func theRuntimeIsCopiedVerbatim() throws {
        let generated = Dictionary(try seedFiles().map { ($0.path, $0.contents) }) { first, _ in first }
        for (folder, destination, header) in [("Runtime/RancherRuntime", "Sources/RancherRuntime/", RuntimeFiles.sourceHeader),
                                              ("Runtime/TestSupport", "Tests/RancherTests/Support/", RuntimeFiles.testSupportHeader)] {
            let source = TestPaths.repositoryRoot.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".swift") }.sorted()
            #expect(names.count >= 3, "\(folder)")
            for name in names {
                let text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
                #expect(text.hasPrefix(header), "\(folder)/\(name) must start with '\(header)': that line says where it goes")
                #expect(generated[destination + name] == text, "\(destination)\(name) is not a verbatim copy of \(folder)/\(name)")
            }
            #expect(Set(generated.keys.filter { $0.hasPrefix(destination) }) == Set(names.map { destination + $0 }))
        }
    }

    /// Builds a freshly generated copy (so the test also covers uncommitted generator changes) with
    /// warnings as errors, Swift 6 language mode being the package's default; then converts its DocC
    /// catalog against the module's symbol graph, warnings as errors too.
    @Test(.timeLimit(.minutes(10)))
    func generatedSeedPackageBuildsAndDocumentsWithoutWarnings() async throws {
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
        // Every Swift block of the package's documentation (DocC articles, README), each in a function of its own, so
        // that the docs' code is type-checked with the package's tests.
        try Data(DocumentationCodeBlocks.testSource(files).utf8)
            .write(to: folder.appendingPathComponent("Tests/RancherTests/DocumentationCodeBlocks.swift"))
        let symbolGraphs = folder.appendingPathComponent(".symbol-graphs").path
        try FileManager.default.createDirectory(atPath: symbolGraphs, withIntermediateDirectories: true)
        let build = try await SwiftBuild.run([
            "swift", "build", "-Xswiftc", "-warnings-as-errors", "-Xswiftc", "-emit-symbol-graph",
            "-Xswiftc", "-emit-symbol-graph-dir", "-Xswiftc", symbolGraphs,
        ], in: folder)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(!build.output.contains("warning:"), "\(build.output.suffix(4000))")
        let docc = try await SwiftBuild.run([
            "docc", "convert", "Sources/Rancher/Rancher.docc", "--additional-symbol-graph-dir", symbolGraphs,
            "--output-dir", folder.appendingPathComponent(".docc-build").path, "--warnings-as-errors",
        ], in: folder)
        #expect(docc.status == 0, "\(docc.output.suffix(4000))")
        #expect(!docc.output.contains("warning:") && !docc.output.contains("error:"), "\(docc.output.suffix(4000))")
        // The package's own tests: the runtime and every generated client call over HTTP on 127.0.0.1, and the
        // model conformance tests copied in above.
        let tests = try await SwiftBuild.run(["swift", "test"], in: folder)
        #expect(tests.status == 0, "\(tests.output.suffix(4000))")
        #expect(tests.output.contains(" passed after "), "\(tests.output.suffix(2000))")
        #expect(tests.output.contains("Suite \"Generated model conformances\" passed"), "\(tests.output.suffix(2000))")
        #expect(tests.output.contains("Suite \"Deploy workflow\" passed"), "\(tests.output.suffix(2000))")
        #expect(DocumentationCodeBlocks.blocks(files).count >= 10, "the docs' code blocks were found and compiled")
    }
}

/// The Swift code blocks of generated documentation as functions that the compiler type-checks and nothing runs.
enum DocumentationCodeBlocks {
    /// The ```swift blocks of the DocC articles and the README, in order.
    static func blocks(_ files: [GeneratedFile]) -> [(file: String, code: String)] {
        files.filter { $0.path.hasSuffix(".md") && ($0.path.contains(".docc/") || $0.path == "README.md") }.flatMap { file in
            var blocks: [(String, String)] = []
            var current: [Substring]?
            for line in file.contents.split(separator: "\n", omittingEmptySubsequences: false) {
                if current == nil, line == "```swift" { current = [] }
                else if current != nil, line == "```" { blocks.append((file.path, current!.joined(separator: "\n"))); current = nil }
                else if current != nil { current!.append(line) }
            }
            return blocks
        }
    }

    /// A test-target file declaring one function per block; the names a block may use without declaring them
    /// (`rancher`, `accessKey`, `secretKey`) are its parameters.
    static func testSource(_ files: [GeneratedFile]) -> String {
        var source = "// Documentation code blocks, type-checked by apigen's tests.\nimport Foundation\nimport Rancher\n"
        for (index, block) in blocks(files).enumerated() {
            // The README's first block imports the module, which this file does already.
            let code = block.code.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("import ") }
            source += "\n// \(block.file)\nfunc documentationBlock\(index)(rancher: RancherClient, accessKey: String, secretKey: String) async throws {\n"
            source += code.joined(separator: "\n") + "\n}\n"
        }
        return source
    }
}

/// Runs a toolchain command (`swift`, `docc`) in a folder and collects its output.
enum SwiftBuild {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], in folder: URL) async throws -> Result {
        let result = try await Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: folder, mergingOutput: true)
        return Result(status: result.status, output: String(decoding: result.stdout, as: UTF8.self))
    }
}
