/// How much a change can hurt the users of the API or of the generated SDK.
public enum DiffLevel: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// Nothing breaks: something was added or loosened.
    case info
    /// May break some callers, or changes behaviour without changing shapes.
    case warning
    /// Existing callers break: on the wire, or at compile time in Swift.
    case breaking

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .breaking: 2
        }
    }

    public static func < (lhs: DiffLevel, rhs: DiffLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One classified change between two API documents: an element of `findings` in `ir-format.md`.
public struct Finding: Codable, Sendable, Hashable, Comparable {
    /// The id of the rule that matched, see `DiffRule.catalogue`.
    public var rule: String
    public var level: DiffLevel
    /// The API type the change concerns.
    public var type: String
    /// A field, operation or action name, `action.field` for an action's input field, `nil` for the whole type.
    public var member: String?
    /// The value before (a type string, a flag, a default, a type name), `nil` where it did not exist.
    public var old: String?
    /// The value after, `nil` where it no longer exists.
    public var new: String?
    public var message: String
    /// The page it was seen on, relative to its docs set: the new set's page, the old set's for removals.
    public var source: String

    public init(
        rule: String, level: DiffLevel, type: String, member: String?, old: String?, new: String?,
        message: String, source: String
    ) {
        self.rule = rule
        self.level = level
        self.type = type
        self.member = member
        self.old = old
        self.new = new
        self.message = message
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case rule, level, type, member, old, new, message, source
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(level, forKey: .level)
        try container.encode(type, forKey: .type)
        try container.encode(member, forKey: .member)  // null, not absent
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(message, forKey: .message)
        try container.encode(source, forKey: .source)
    }

    /// By type, member (whole-type findings first: member names are never empty), rule; then by value so
    /// the order is total.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        let left = (lhs.type, lhs.member ?? "", lhs.rule, lhs.old ?? "", lhs.new ?? "")
        let right = (rhs.type, rhs.member ?? "", rhs.rule, rhs.old ?? "", rhs.new ?? "")
        if left != right { return left < right }
        return (lhs.message, lhs.source) < (rhs.message, rhs.source)
    }
}

/// Which docs set a side of the diff came from.
public struct DocsSetVersion: Codable, Sendable, Hashable, CustomStringConvertible {
    public var docsVersion: String?
    public var apiVersion: String?

    public init(docsVersion: String?, apiVersion: String?) {
        self.docsVersion = docsVersion
        self.apiVersion = apiVersion
    }

    public init(of document: APIDocument) {
        self.init(docsVersion: document.docsVersion, apiVersion: document.apiVersion)
    }

    private enum CodingKeys: String, CodingKey {
        case docsVersion, apiVersion
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(docsVersion, forKey: .docsVersion)  // null, not absent
        try container.encode(apiVersion, forKey: .apiVersion)
    }

    /// `v1.4/v2-beta`; `?` for what the pages do not say.
    public var description: String { "\(docsVersion ?? "?")/\(apiVersion ?? "?")" }
}

/// The result of `apigen diff`: the JSON document of `ir-format.md` ("Diff findings").
public struct DiffReport: Codable, Sendable, Hashable {
    public var old: DocsSetVersion
    public var new: DocsSetVersion
    /// Sorted by type, member, rule.
    public var findings: [Finding]

    public init(old: DocsSetVersion, new: DocsSetVersion, findings: [Finding]) {
        self.old = old
        self.new = new
        self.findings = findings.sorted()
    }

    public func count(at level: DiffLevel) -> Int {
        findings.lazy.filter { $0.level == level }.count
    }

    /// Number of findings per rule id, for summaries and tests.
    public var countsByRule: [String: Int] {
        findings.reduce(into: [:]) { $0[$1.rule, default: 0] += 1 }
    }

    /// `--fail-on`: true when a finding at `threshold` or above exists.
    public func fails(at threshold: DiffLevel) -> Bool {
        findings.contains { $0.level >= threshold }
    }

    /// The process exit status: 1 when `--fail-on` is given and reached, else 0.
    public func exitStatus(failOn threshold: DiffLevel?) -> Int32 {
        guard let threshold else { return 0 }
        return fails(at: threshold) ? 1 : 0
    }
}
