import ApigenKit
import Foundation

/// `--state FILE`: every change is one JSON line appended (a resource's whole new value) before the
/// request is answered, so a killed server loses at most the request in flight; on start the file is read
/// (the last line of a resource wins; a torn last line is skipped and reported) and rewritten compacted,
/// through a temporary file renamed over it, so a crash while compacting leaves the old file whole. The same
/// format seeds the server: one `{"resource": {…}}` per line.
public final class StateJournal: @unchecked Sendable {  // used under MockServer's lock only
    public let url: URL
    private var handle: FileHandle?

    public init(url: URL) {
        self.url = url
    }

    /// The resources the file holds, and what was wrong with it (line by line, as `file:line: …`).
    public func load() throws -> (resources: [StoredResource], problems: [String]) {
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], []) }
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var byID: [String: StoredResource] = [:]
        var order: [String] = []
        var problems: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let record = try? OrderedJSON.parse(String(line)), let resource = StoredResource(journalRecord: record) else {
                problems.append("\(url.path):\(index + 1): warning: not a resource record; skipped")
                continue
            }
            if byID.updateValue(resource, forKey: resource.id) == nil { order.append(resource.id) }
        }
        return (order.compactMap { byID[$0] }, problems)
    }

    /// Replaces the file with one line per resource, atomically, and opens it for appending.
    public func compact(_ resources: [StoredResource]) throws {
        var bytes: [UInt8] = []
        for resource in resources {
            resource.journalRecord.write(into: &bytes)
            bytes.append(0x0A)
        }
        try Data(bytes).write(to: url, options: .atomic)
        handle = try FileHandle(forWritingTo: url)
        try handle?.seekToEnd()
    }

    /// Appends a resource's new value in one write.
    public func append(_ resource: StoredResource) throws {
        guard let handle else { return }
        var bytes = resource.journalRecord.serializedBytes()
        bytes.append(0x0A)
        try handle.write(contentsOf: bytes)
    }
}
