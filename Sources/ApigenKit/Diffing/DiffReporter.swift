import Foundation

/// The output formats of `apigen diff`.
public enum DiffFormat: String, Sendable, Hashable, CaseIterable {
    /// Grouped by type, for a terminal.
    case text
    /// Tables by level, for a pull-request comment.
    case markdown
    /// The "Diff findings" document of `ir-format.md`, for tools.
    case json
}

/// Renders a `DiffReport` (or the rule catalogue) in one of the `DiffFormat`s.
public enum DiffReporter {
    /// `colors` adds ANSI colours to `text`; the caller decides (only when stdout is a terminal).
    public static func render(_ report: DiffReport, format: DiffFormat, colors: Bool = false) throws -> String {
        switch format {
        case .text: TextDiffReport(report: report, style: TerminalStyle(enabled: colors)).rendered
        case .markdown: MarkdownDiffReport(report: report).rendered
        case .json: try CanonicalJSON.encode(report)
        }
    }

    /// `apigen diff --list-rules`.
    public static func renderRules(_ rules: [DiffRule] = DiffRule.catalogue, format: DiffFormat) throws -> String {
        switch format {
        case .text:
            let idWidth = rules.map(\.id.count).max() ?? 0
            return rules.map { rule in
                rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                    + rule.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + rule.summary
            }.joined(separator: "\n") + "\n"
        case .markdown:
            let rows = rules.map { "| `\($0.id)` | \($0.level.rawValue) | \(MarkdownDiffReport.escapeCell($0.summary)) |" }
            return (["| Rule | Level | Meaning |", "|---|---|---|"] + rows).joined(separator: "\n") + "\n"
        case .json:
            return try CanonicalJSON.encode(rules.map(RuleDescription.init))
        }
    }

    /// A rule as `--list-rules --format json` shows it.
    struct RuleDescription: Encodable {
        var id: String
        var level: DiffLevel
        var subject: String
        var summary: String

        init(_ rule: DiffRule) {
            id = rule.id
            level = rule.level
            subject = rule.subject.rawValue
            summary = rule.summary
        }
    }

    /// `3 breaking, 1 warning, 12 info`.
    static func summary(of report: DiffReport, emphasizingBreaking: Bool = false) -> String {
        let breaking = "\(report.count(at: .breaking)) breaking"
        let warnings = report.count(at: .warning)
        let info = report.count(at: .info)
        return "\(emphasizingBreaking ? "**\(breaking)**" : breaking), \(warnings) warning\(warnings == 1 ? "" : "s"), \(info) info"
    }

    /// How a value before or after is shown: `—` for what did not exist.
    static func value(_ text: String?) -> String { text ?? "—" }
}

/// ANSI styling that renders as plain text when disabled.
struct TerminalStyle {
    var enabled: Bool

    func apply(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { apply("1", text) }
    func dim(_ text: String) -> String { apply("2", text) }

    func level(_ level: DiffLevel) -> String {
        let label = level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
        switch level {
        case .breaking: return apply("1;31", label)
        case .warning: return apply("33", label)
        case .info: return apply("36", label)
        }
    }
}

/// The terminal report: a summary line, then one block per type with one line per finding.
struct TextDiffReport {
    var report: DiffReport
    var style: TerminalStyle

    var rendered: String {
        var lines = [style.bold("apigen diff \(report.old) → \(report.new)") + ": " + DiffReporter.summary(of: report)]
        if report.findings.isEmpty {
            lines.append("No changes.")
        }
        var currentType: String?
        var headerSource = ""
        for finding in report.findings {
            if finding.type != currentType {
                currentType = finding.type
                headerSource = finding.source
                lines.append("")
                lines.append(style.bold(finding.type) + "  " + style.dim(finding.source))
            }
            let subject = finding.member.map { "\($0): " } ?? ""
            let values = "(\(DiffReporter.value(finding.old)) → \(DiffReporter.value(finding.new)))"
            let page = finding.source == headerSource ? "" : " " + style.dim("seen in \(finding.source)")
            lines.append("  \(style.level(finding.level)) \(subject)\(finding.message) \(values) \(style.dim("[\(finding.rule)]"))\(page)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The pull-request comment: a summary, breaking changes in the open, warnings and info folded away.
struct MarkdownDiffReport {
    var report: DiffReport

    var rendered: String {
        var lines = ["### API changes: `\(report.old)` → `\(report.new)`", ""]
        guard !report.findings.isEmpty else {
            return (lines + ["No changes."]).joined(separator: "\n") + "\n"
        }
        lines.append(DiffReporter.summary(of: report, emphasizingBreaking: true) + ".")
        for level in DiffLevel.allCases.reversed() {
            let findings = report.findings.filter { $0.level == level }
            guard !findings.isEmpty else { continue }
            let title = "\(Self.sectionTitles[level] ?? level.rawValue) (\(findings.count))"
            lines.append("")
            lines.append(level == .breaking ? "#### \(title)" : "<details><summary>\(title)</summary>")
            lines.append("")
            lines.append("| Type | Member | Rule | Old | New | Page |")
            lines.append("|---|---|---|---|---|---|")
            for finding in findings {
                let cells = [
                    Self.codeCell(finding.type), finding.member.map(Self.codeCell) ?? "", Self.codeCell(finding.rule),
                    finding.old.map(Self.codeCell) ?? "—", finding.new.map(Self.codeCell) ?? "—", Self.codeCell(finding.source),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            if level != .breaking {
                lines.append("")
                lines.append("</details>")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let sectionTitles: [DiffLevel: String] = [.breaking: "Breaking", .warning: "Warnings", .info: "Info"]

    /// A code span inside a table cell: pipes escaped (GFM splits cells before parsing code), and a longer
    /// fence when the text itself holds a backtick.
    static func codeCell(_ text: String) -> String {
        let escaped = escapeCell(text)
        return text.contains("`") ? "`` \(escaped) ``" : "`\(escaped)`"
    }

    static func escapeCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
