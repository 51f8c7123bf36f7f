#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// Reads a whole file with plain POSIX calls: `FileManager.contents(atPath:)` cost more than parsing
/// the smaller pages.
enum FileBytes {
    static func read(_ path: String) -> [UInt8]? {
        // Non-blocking, and regular files only: a FIFO named `x.md` blocked the open forever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        // Uninitialised: the read fills it, and a file that shrank meanwhile keeps what was there.
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initializedCount in
            var filled = 0
            while filled < size {
                let count = systemRead(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
                guard count > 0 else { break }
                filled += count
            }
            initializedCount = filled
        }
    }

    /// The visible entries of a folder, with whether each is a folder; nil when it cannot be read.
    /// (FileManager listing plus a `fileExists` per entry cost more than reading a docs set's pages.)
    static func entries(of folder: String) -> [(name: String, isFolder: Bool)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var result: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            guard !name.hasPrefix(".") else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                var status = stat()
                isFolder = stat(folder + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
            }
            result.append((name, isFolder))
        }
        return result
    }

    /// The size of the regular file at `path` (links followed), or nil when there is none.
    static func size(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Creates or truncates `path` and writes `bytes`; false on any failure (`errno` says why).
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}
