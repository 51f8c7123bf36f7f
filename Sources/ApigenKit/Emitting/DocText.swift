import Foundation

/// Doc comment text for generated declarations, from the docs' descriptions and table flags.
enum DocText {
    /// Text for a Markdown table cell: pipes escaped, line breaks folded.
    static func tableCell(_ text: String) -> String {
        // Most cells hold neither: Foundation's replacing costs more than the rest of a table row.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") }) else { return text }
        return text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// A description as Markdown for the documentation pages. The docs write lists as `<br> * item` inside one
    /// paragraph, which reach the IR as `text. * item * item`: with two items or more, they become a list again
    /// (one ` * ` alone is more likely arithmetic).
    static func markdownDescription(_ text: String) -> String {
        let parts = text.components(separatedBy: " * ")
        guard parts.count >= 3 else { return text }
        return parts[0] + "\n\n" + parts.dropFirst().map { "- " + $0 }.joined(separator: "\n")
    }

    /// Prose on one line: every run of white space (line breaks included) becomes one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Lines as `///` comments; an empty line stays a bare `///`.
    static func comment(_ lines: [String]) -> [String] {
        lines.map { $0.isEmpty ? "///" : "/// " + $0 }
    }

    /// Splits prose into doc comment lines of at most ~100 characters.
    static func lines(_ text: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if !current.isEmpty, current.count + word.count + 1 > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The field's notes, then what the tables say: create/update, required, default, options.
    static func fieldLines(_ field: Field, isResourceField: Bool) -> [String] {
        var result = lines(field.description)
        if result.isEmpty { result = ["The `\(field.name)` field."] }
        var facts: [String] = []
        if field.writable, isResourceField {
            if field.required {
                facts.append("Required on create.")
            } else if field.create {
                facts.append("Optional on create.")
            }
            facts.append(field.update ? "Updatable." : "Not updatable.")
        } else if field.required {
            facts.append("Required.")
        } else if !field.writable {
            facts.append("Read-only.")
        }
        if let value = field.default { facts.append("Default: `\(value)`.") }
        if let options = field.options, !options.isEmpty, !field.description.contains("options are") {
            facts.append("Options: " + options.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        if !facts.isEmpty { result += [""] + lines(facts.joined(separator: " ")) }
        return result
    }
}
