import Foundation

/// Text helpers shared by the page extractor.
enum DocumentText {
    /// Whitespace runs (including non-breaking spaces) collapsed to one space, ends trimmed.
    static func collapsed(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// A Type cell as grammar text, each link written `{target}`.
    static func typeCell(_ cell: HTMLNode) -> String {
        var result = ""
        func append(_ node: HTMLNode) {
            for child in node.children {
                if child.isText {
                    result += child.text
                } else if child.name == "a" {
                    result += "{" + (linkTarget(child) ?? collapsed(child.text)) + "}"
                } else {
                    append(child)
                }
            }
        }
        append(cell)
        return collapsed(result)
    }

    /// The page a link points at: the last path component of its href, so
    /// `…/api-resources/addRemoveServiceLinkInput/` gives `addRemoveServiceLinkInput`.
    /// The label is not used: it is title-cased on action inputs.
    static func linkTarget(_ link: HTMLNode) -> String? {
        guard var href = link.attribute("href") else { return nil }
        if let cut = href.firstIndex(where: { $0 == "#" || $0 == "?" }) { href = String(href[..<cut]) }
        var components = href.split(separator: "/").map(String.init)
        if let last = components.last, last.hasPrefix("index.") { components.removeLast() }
        guard var target = components.last else { return nil }
        for suffix in [".html", ".md"] where target.hasSuffix(suffix) { target.removeLast(suffix.count) }
        return target.isEmpty ? nil : target
    }

    /// ``The options are `a`, `b`.`` in a Notes cell: the code spans after that phrase.
    static func enumOptions(inNotes cell: HTMLNode) -> [String]? {
        let text = cell.text
        guard text.range(of: "options are", options: .caseInsensitive) != nil else { return nil }
        let codeSpans = cell.descendants { $0.name == "code" }.map { $0.text }
        return codeSpans.isEmpty ? enumOptions(inText: text) : codeSpans
    }

    /// The same from plain text (no code markup left): the comma-separated words after the phrase.
    static func enumOptions(inText text: String) -> [String]? {
        guard let phrase = text.range(of: "options are", options: .caseInsensitive) else { return nil }
        let words = text[phrase.upperBound...]
            .split(whereSeparator: { ", `'\"".contains($0) || $0.isNewline })
            .map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
            .filter { !$0.isEmpty && $0 != "and" && $0 != "or" }.map(String.init)
        return words.isEmpty ? nil : words
    }
}
