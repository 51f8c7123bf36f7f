import ApigenTemplates
import Foundation

/// A hash of everything a generation depends on: the pages, the templates, the runtime files it copies, the
/// options and the tool itself. When it matches the manifest's and every generated file still has the content the manifest
/// recorded, a run has nothing to do and stops before parsing (a no-op build step in milliseconds).
struct InputFingerprint: Sendable, Hashable {
    var value: UInt64

    /// The fingerprint, and the pages with the bytes it hashed (for the parse, if the output is stale).
    static func compute(
        docs: URL, options: Generator.Options
    ) throws(DiagnosticError) -> (fingerprint: InputFingerprint, pages: [DocsSetParser.PageFile]) {
        var hasher = FNV1a()
        var pages = try DocsSetParser.pageFiles(in: docs)
        for index in pages.indices {
            pages[index].contents = FileBytes.read(pages[index].path)
            hasher.add(Array(pages[index].relativePath.utf8))
            hasher.add(pages[index].contents ?? [])
        }
        for folder in [BuiltInTemplates.directory, options.emitting.templatesDirectory].compactMap({ $0 }) {
            for path in TemplateSet.templatePaths(in: folder) {
                hasher.add(Array(path.utf8))
                hasher.add(FileBytes.read(folder.appendingPathComponent(path).path) ?? [])
            }
        }
        if options.emitting.singleFileName == nil {
            for file in try RuntimeFiles.all.get() {
                hasher.add(Array(file.name.utf8))
                hasher.add(Array(file.contents.utf8))
            }
        }
        let emitting = options.emitting
        let settings = [
            emitting.moduleName, emitting.access.rawValue, emitting.singleFileName ?? "",
            emitting.typeNameOverrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
            emitting.templateParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}"),
            options.include?.joined(separator: ",") ?? "*", options.exclude.joined(separator: ","),
            options.loading.strict ? "strict" : "", toolIdentity(),
        ]
        hasher.add(Array(settings.joined(separator: "\u{0}").utf8))
        return (InputFingerprint(value: hasher.value), pages)
    }

    /// The running executable's size and modification time: a rebuilt apigen may generate differently.
    private static func toolIdentity() -> String {
        guard let path = Bundle.main.executableURL?.path,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "unknown" }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path):\(size):\(modified)"
    }

    var hex: String { String(value, radix: 16) }
}

/// 64-bit FNV-1a: a fast, dependency-free content hash (not for security).
struct FNV1a: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        // Separates consecutive inputs, so "ab"+"c" and "a"+"bc" differ.
        value ^= 0xFF
        value &*= 0x0000_0100_0000_01B3
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(Array(bytes))
        return hasher.value
    }
}
