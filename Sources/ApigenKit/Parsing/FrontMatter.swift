import Synchronization
import Yams

/// The YAML block between `---` lines at the top of a Jekyll page.
struct FrontMatter: Sendable, Hashable {
    var values: [String: String] = [:]
    /// How many lines the block takes, fences included (0 when there is none).
    var lineCount = 0

    var title: String? { values["title"] }
    var version: String? { values["version"] }
    var apiVersion: String? { values["apiVersion"] }

    enum Failure: Error {
        case unterminated
        case invalidYAML(line: Int, message: String)
    }

    /// Splits `text` into front matter and body. A page without front matter yields `nil`.
    /// Lines are found on the UTF-8 bytes: `---` and `\n` are ASCII, so every cut is a valid index.
    static func split(_ text: String, cache: Cache? = nil) throws(Failure) -> (frontMatter: FrontMatter?, body: Substring) {
        let bytes = text.utf8
        guard bytes.starts(with: "---".utf8) else { return (nil, text[...]) }
        let afterFence = bytes.index(bytes.startIndex, offsetBy: 3)
        guard afterFence < bytes.endIndex else { throw .unterminated }  // the opening fence alone
        guard bytes[afterFence] == 0x0A else { return (nil, text[...]) }
        let yamlStart = bytes.index(after: afterFence)
        var lineNumber = 1
        var lineStart = yamlStart
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            lineNumber += 1
            let line = bytes[lineStart..<lineEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let bodyStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
                var frontMatter = try parseYAML(text[yamlStart..<lineStart], cache: cache)
                frontMatter.lineCount = lineNumber
                return (frontMatter, text[bodyStart...])
            }
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
        }
        throw .unterminated
    }

    /// Parsed front matter by YAML text without its full-line comments, for the pages of one docs set:
    /// most share theirs (type pages differ only in a commented-out `redirect_from`), and Yams took a tenth
    /// of the parse time.
    final class Cache: Sendable {
        private let entries = Mutex<[String: FrontMatter]>([:])

        init() {}

        fileprivate func value(for key: String) -> FrontMatter? { entries.withLock { $0[key] } }
        fileprivate func store(_ value: FrontMatter, for key: String) { entries.withLock { $0[key] = value } }
    }

    private static func parseYAML(_ yaml: Substring, cache: Cache?) throws(Failure) -> FrontMatter {
        guard let cache else { return try parseUncached(String(yaml)) }
        // A `#` in column 0 is a comment in any YAML context a front matter uses, so dropping those lines
        // cannot change a value. Only successful parses are cached, so error lines stay exact.
        var keyBytes: [UInt8] = []
        keyBytes.reserveCapacity(yaml.utf8.count)
        for line in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) where line.first != UInt8(ascii: "#") {
            keyBytes += line
            keyBytes.append(0x0A)
        }
        let key = String(decoding: keyBytes, as: UTF8.self)
        if let cached = cache.value(for: key) { return cached }
        let parsed = try parseUncached(String(yaml))
        cache.store(parsed, for: key)
        return parsed
    }

    private static func parseUncached(_ yaml: String) throws(Failure) -> FrontMatter {
        let node: Node?
        do {
            // Every value is read as a string: the basic resolver skips the regex-based tag resolution.
            // The encoding is explicit because Yams' default reads the whole process environment on every call.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw .invalidYAML(line: Self.line(of: error) + 1, message: Self.summary(of: error))
        } catch {
            throw .invalidYAML(line: 1, message: "\(error)")
        }
        var result = FrontMatter()
        guard let node else { return result }
        guard let mapping = node.mapping else {
            throw .invalidYAML(line: 2, message: "front matter is not a mapping of keys to values")
        }
        for (key, value) in mapping {
            guard let key = key.string else { continue }
            // Scalars only: lists such as redirect_from are not used.
            if let scalar = value.scalar { result.values[key] = scalar.string }
        }
        return result
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            mark.line
        default: 1
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            problem
        default: "\(error)"
        }
    }
}
