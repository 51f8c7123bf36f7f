/// A problem found in the input, reported as `file:line: severity: message`.
public struct Diagnostic: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable, Hashable {
        case warning, error
    }

    public var severity: Severity
    /// Relative to the docs set folder (or as given, for paths outside one).
    public var file: String
    /// 1-based; 0 when the problem concerns the file (or folder) as a whole.
    public var line: Int
    public var message: String

    public init(severity: Severity, file: String, line: Int, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    public static func warning(_ message: String, file: String, line: Int = 0) -> Diagnostic {
        Diagnostic(severity: .warning, file: file, line: line, message: message)
    }

    public static func error(_ message: String, file: String, line: Int = 0) -> Diagnostic {
        Diagnostic(severity: .error, file: file, line: line, message: message)
    }

    /// `file:line: severity: message`, the form compilers and editors understand.
    public var description: String {
        line > 0 ? "\(file):\(line): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.message) < (rhs.file, rhs.line, rhs.message)
    }
}
