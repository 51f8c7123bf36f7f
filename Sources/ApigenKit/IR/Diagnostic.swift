/// A problem found in the input, reported as `file:line: severity: message`.
public struct Diagnostic: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable, Hashable {
        case warning, error
    }

    /// Kinds of warning that a summary describes in its own words; the others are grouped by their text.
    public enum Kind: String, Sendable, Hashable {
        /// A Type cell links to a page that is not in the folder; `subject` is the linked type.
        case missingPage
        /// A type no page defines and no example shows; `subject` is the type.
        case undefinableType
    }

    public var severity: Severity
    /// Relative to the docs set folder (or as given, for paths outside one).
    public var file: String
    /// 1-based; 0 when the problem concerns the file (or folder) as a whole.
    public var line: Int
    public var message: String
    /// For summaries only; not part of the JSON (`ir-format.md`).
    public var kind: Kind?
    public var subject: String?

    public init(severity: Severity, file: String, line: Int, message: String, kind: Kind? = nil, subject: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.kind = kind
        self.subject = subject
    }

    private enum CodingKeys: String, CodingKey {
        case severity, file, line, message
    }

    /// Two diagnostics are the same when they say the same thing at the same place; `kind` and `subject` only
    /// annotate the message.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.severity, lhs.file, lhs.line, lhs.message) == (rhs.severity, rhs.file, rhs.line, rhs.message)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(message)
    }

    public static func warning(
        _ message: String, file: String, line: Int = 0, kind: Kind? = nil, subject: String? = nil
    ) -> Diagnostic {
        Diagnostic(severity: .warning, file: file, line: line, message: message, kind: kind, subject: subject)
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

/// A failure that stops the whole run, carrying its diagnostic.
public struct DiagnosticError: Error, CustomStringConvertible {
    public var diagnostic: Diagnostic
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    public var description: String { diagnostic.description }
}
