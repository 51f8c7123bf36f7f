import Foundation

/// Text helpers shared by the page extractor.
enum DocumentText {
    /// Whitespace runs (including non-breaking spaces) collapsed to one space, ends trimmed.
    /// Works on UTF-8 bytes: it runs on every cell of every table.
    static func collapsed(_ text: some StringProtocol) -> String {
        let bytes = text.utf8
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            var width = 1
            let isSpace: Bool
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                isSpace = true
            case 0xC2:  // U+00A0 NO-BREAK SPACE is C2 A0
                let next = bytes.index(after: index)
                isSpace = next < bytes.endIndex && bytes[next] == 0xA0
                if isSpace { width = 2 }
            default:
                isSpace = false
            }
            if isSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
            index = bytes.index(index, offsetBy: width)
        }
        return String(decoding: result, as: UTF8.self)
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
        guard text.containsText("options are") || text.containsText("Options are") else { return nil }
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
