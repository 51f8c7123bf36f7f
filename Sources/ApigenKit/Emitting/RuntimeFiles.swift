import Foundation
import RuntimeResources

/// The runtime module's files as a generated package gets them: copied verbatim, never rendered. The package's
/// `RancherRuntime` target holds the sources, and its test target the loopback server the generated tests use.
enum RuntimeFiles {
    /// The name of the runtime module, in this repository and in every generated package.
    static let moduleName = "RancherRuntime"

    /// How a file of `Runtime/TestSupport` starts; a file of `Runtime/RancherRuntime` starts with
    /// `sourceHeader`. apigen's resources hold both folders' files side by side, so this line says where each goes
    /// (a test holds every file of both folders to it).
    static let testSupportHeader = "// RancherRuntime tests: "
    static let sourceHeader = "// RancherRuntime: "

    /// One runtime file: its name, its text, and whether it belongs to the tests.
    struct File: Sendable {
        var name: String
        var contents: String
        var isTestSupport: Bool
    }

    /// Every runtime file, read once per process (the input fingerprint hashes them, the emitter copies them).
    static let all: Result<[File], DiagnosticError> = Result { () throws(DiagnosticError) in try read() }

    /// Every runtime file at its place in a generated package of `module`.
    static func generatedFiles(module: String) throws(DiagnosticError) -> [GeneratedFile] {
        try all.get().map { file in
            GeneratedFile(path: (file.isTestSupport ? "Tests/\(module)Tests/Support/" : "Sources/\(moduleName)/") + file.name,
                          contents: file.contents)
        }
    }

    private static func read() throws(DiagnosticError) -> [File] {
        guard let directory = RuntimeResources.directory else {
            throw DiagnosticError(.error("apigen's runtime files are missing from its resources (a broken install?)", file: "apigen"))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".swift") }
        var files: [File] = []
        for name in names.sorted() {
            guard let bytes = FileBytes.read(directory.appendingPathComponent(name).path),
                  let text = String(validating: bytes, as: UTF8.self) else {
                throw DiagnosticError(.error("cannot read apigen's runtime file \(name)", file: directory.path))
            }
            files.append(File(name: name, contents: text, isTestSupport: text.hasPrefix(testSupportHeader)))
        }
        guard files.contains(where: { !$0.isTestSupport }), files.contains(where: \.isTestSupport) else {
            throw DiagnosticError(.error("apigen's runtime files are incomplete (a broken install?)", file: directory.path))
        }
        return files
    }
}
