import Foundation

/// Writes a generated package into its output folder as a build step wants it:
/// only files whose content changed are written (the others keep their modification time, so the build
/// does not recompile them), files generated before and no longer produced are removed, and files the
/// tool did not generate are never touched. A manifest in the folder remembers what was generated.
public struct OutputWriter: Sendable {
    public static let manifestName = ".apigen-manifest"
    /// The fingerprint of the last successful run's inputs; machine-specific, so kept out of the manifest
    /// (which is deterministic and fit to commit) and out of version control.
    public static let fingerprintName = ".apigen-inputs"

    /// What a run changes, or would change with `--check`.
    public struct Plan: Sendable, Hashable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []

        public var changes: [String] { (written + removed).sorted() }
        public var isEmpty: Bool { written.isEmpty && removed.isEmpty }
    }

    public let folder: URL
    public init(folder: URL) { self.folder = folder.standardizedFileURL }

    /// Compares `files` with the folder's content; touches nothing.
    public func plan(_ files: [GeneratedFile]) throws(DiagnosticError) -> Plan {
        var plan = Plan()
        let produced = Set(files.map(\.path))
        for file in files {
            if let existing = FileBytes.read(try filePath(of: file.path)), existing.elementsEqual(file.contents.utf8) {
                plan.unchanged.append(file.path)
            } else {
                plan.written.append(file.path)
            }
        }
        for path in previousManifest() where !produced.contains(path) {
            if FileManager.default.fileExists(atPath: try location(of: path).path) { plan.removed.append(path) }
        }
        return plan
    }

    /// Applies `plan`: each changed file is written to a temporary file beside it and renamed into place,
    /// so a reader never sees half a file.
    public func apply(_ plan: Plan, files: [GeneratedFile]) throws(DiagnosticError) {
        try apply(plan, files: files, inputsStamp: nil)
    }

    /// `inputsStamp` identifies the inputs of this run (the pipeline's fingerprint of pages, templates and
    /// options); it is recorded beside the manifest for `isUpToDate(withInputsStamp:)`.
    func apply(_ plan: Plan, files: [GeneratedFile], inputsStamp: String?) throws(DiagnosticError) {
        let byPath = Dictionary(files.map { ($0.path, $0) }) { first, _ in first }
        let fileManager = FileManager.default
        // Every name is checked before anything is written: a name the file system refuses half-way
        // (a page named with 250 characters) left part of a package behind.
        for path in plan.written {
            _ = try filePath(of: path)
            if let long = path.split(separator: "/").first(where: { $0.utf8.count > Self.longestFileName }) {
                throw DiagnosticError(.error(
                    "cannot write '\(path)': the name '\(long.prefix(40))…' is longer than \(Self.longestFileName) bytes", file: folder.path))
            }
        }
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            // Each folder once, not once per file.
            let folders = Set(try plan.written.map { path throws(DiagnosticError) in Self.split(try filePath(of: path)).folder })
            for subfolder in folders { try fileManager.createDirectory(atPath: subfolder, withIntermediateDirectories: true) }
            // Removals first: on a case-insensitive file system (macOS) a type renamed only in case
            // (`LbTargetConfig` → `LBTargetConfig`) is one file, and removing the old name after writing
            // the new one would delete it.
            for path in plan.removed {
                let url = try location(of: path)
                try fileManager.removeItem(at: url)
                removeEmptyFolders(from: url.deletingLastPathComponent())
            }
            for path in plan.written {
                guard let file = byPath[path] else { continue }
                try writeAtomically(file.contents, to: try filePath(of: path))
            }
            for (name, contents) in [(Self.manifestName, Self.manifest(for: files)), (Self.fingerprintName, inputsStamp.map { $0 + "\n" })] {
                guard let contents else { continue }
                let path = Self.join(folder.path, name)
                if FileBytes.read(path).map({ $0.elementsEqual(contents.utf8) }) != true { try writeAtomically(contents, to: path) }
            }
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(.error("cannot write the output: \(error.localizedDescription)", file: folder.path))
        }
    }

    /// NAME_MAX (255) less the temporary name's `.` and `.apigen-tmp`.
    static let longestFileName = 255 - 12

    /// The file's URL; a path that would leave the output folder is refused.
    func location(of path: String) throws(DiagnosticError) -> URL {
        URL(fileURLWithPath: try filePath(of: path))
    }

    /// `location(of:)` as a path: building a `URL` per file was a tenth of a no-op build step.
    func filePath(of path: String) throws(DiagnosticError) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !components.isEmpty,
              !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else {
            throw DiagnosticError(.error("refusing to write '\(path)': outside the output folder", file: folder.path))
        }
        return Self.join(folder.path, path)
    }

    /// The manifest's entries: each generated path with the hash of the content written there.
    private func manifestEntries() -> [(path: String, hash: String)] {
        guard let bytes = FileBytes.read(folder.appendingPathComponent(Self.manifestName).path) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return line.hasPrefix("#") || parts.count != 2 ? nil : (String(parts[1]), String(parts[0]))
        }
    }

    private func previousManifest() -> [String] { manifestEntries().map(\.path) }

    /// Whether the last successful run had these inputs and its files are still as it wrote them.
    func isUpToDate(withInputsStamp stamp: String) -> (upToDate: Bool, files: [String]) {
        let recorded = FileBytes.read(folder.appendingPathComponent(Self.fingerprintName).path)
        let entries = manifestEntries()
        guard recorded.map({ String(decoding: $0, as: UTF8.self) }) == stamp + "\n", !entries.isEmpty else {
            return (false, [])
        }
        // Every generated file is read and hashed on each build step: on both cores.
        let intact = ConcurrentMap.map(entries) { entry in
            guard let path = try? filePath(of: entry.path), let bytes = FileBytes.read(path) else { return false }
            return String(FNV1a.hash(bytes), radix: 16) == entry.hash
        }
        return intact.allSatisfy { $0 } ? (true, entries.map(\.path)) : (false, [])
    }

    static func manifest(for files: [GeneratedFile]) -> String {
        "# Files generated by apigen (content hash, path); it replaces or removes only these.\n"
            + files.sorted { $0.path < $1.path }.map { "\(String(FNV1a.hash($0.contents.utf8), radix: 16))\t\($0.path)" }
                .joined(separator: "\n") + "\n"
    }

    /// Writes through a temporary file beside the target; the target's folder must exist.
    private func writeAtomically(_ contents: String, to path: String) throws {
        let (folder, name) = Self.split(path)
        let temporary = Self.join(folder, "." + name + ".apigen-tmp")
        guard FileBytes.write(Array(contents.utf8), to: temporary) else {
            throw DiagnosticError(.error("cannot write the file: \(String(cString: strerror(errno)))", file: temporary))
        }
        // rename(2) replaces the old file in one step; FileManager.replaceItemAt loses it on Linux.
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw DiagnosticError(.error("cannot replace the file: \(reason)", file: path))
        }
    }

    /// `folder/name`; the root folder has its slash already.
    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// A file path's folder and name (`folder` ends before the last `/`).
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let name = String(path[path.utf8.index(after: slash)...])
        return (slash == path.startIndex ? "/" : String(path[..<slash]), name)
    }

    private func removeEmptyFolders(from start: URL) {
        var current = start.standardizedFileURL
        while current.path.hasPrefix(folder.path + "/"),
              (try? FileManager.default.contentsOfDirectory(atPath: current.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }
}
