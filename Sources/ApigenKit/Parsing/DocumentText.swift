import Foundation

/// Text helpers shared by the page extractor.
enum DocumentText {
    /// Whitespace runs (including non-breaking spaces) collapsed to one space, ends trimmed.
    static func collapsed(_ text: some StringProtocol) -> String {
        var collapsing = CollapsingText()
        collapsing.append(text)
        return collapsing.string
    }

    /// A Type cell as grammar text, each link written `{target}`.
    static func typeCell(_ cell: HTMLNode) -> String {
        var collapsing = CollapsingText()
        func append(_ node: HTMLNode) {
            for child in node.children {
                if child.isText {
                    child.appendText(to: &collapsing)
                } else if child.isElement(named: "a") {
                    collapsing.append(byte: UInt8(ascii: "{"))
                    if let target = linkTarget(child) {
                        collapsing.append(target)
                    } else {
                        child.appendText(to: &collapsing)
                    }
                    collapsing.append(byte: UInt8(ascii: "}"))
                } else {
                    append(child)
                }
            }
        }
        append(cell)
        return collapsing.string
    }

    /// The page a link points at: the last path component of its href, so
    /// `…/api-resources/addRemoveServiceLinkInput/` gives `addRemoveServiceLinkInput`.
    /// The label is not used: it is title-cased on action inputs.
    static func linkTarget(_ link: HTMLNode) -> String? {
        link.withAttribute("href") { href -> String? in
            guard var href else { return nil }
            if let cut = href.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
                href = UnsafeBufferPointer(rebasing: href[..<cut])
            }
            var components = href.split(separator: UInt8(ascii: "/"))
            if let last = components.last, last.starts(with: "index.".utf8) { components.removeLast() }
            guard var target = components.last else { return nil }
            for suffix in [".html".utf8, ".md".utf8] where target.count >= suffix.count && target.suffix(suffix.count).elementsEqual(suffix) {
                target = target.dropLast(suffix.count)
            }
            return target.isEmpty ? nil : String(decoding: target, as: UTF8.self)
        }
    }

    /// ``The options are `a`, `b`.`` in a Notes cell: the code spans after that phrase.
    static func enumOptions(inNotes cell: HTMLNode) -> [String]? {
        let text = cell.text
        guard text.containsText("options are") || text.containsText("Options are") else { return nil }
        let codeSpans = cell.descendants { $0.isElement(named: "code") }.map { $0.text }
        return codeSpans.isEmpty ? enumOptions(inText: text) : codeSpans
    }

    /// The same from plain text (no code markup left): the comma-separated words after the phrase.
    static func enumOptions(inText text: String) -> [String]? {
        let phrases = [text.firstRange(ofText: "options are"), text.firstRange(ofText: "Options are")].compactMap { $0 }
        guard let phrase = phrases.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let words = text[phrase.upperBound...]
            .split(whereSeparator: { ", `'\"".contains($0) || $0.isNewline })
            .map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
            .filter { !$0.isEmpty && $0 != "and" && $0 != "or" }.map(String.init)
        return words.isEmpty ? nil : words
    }
}

/// Appends UTF-8 text with whitespace runs (including U+00A0) collapsed to one space and the ends trimmed.
struct CollapsingText {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = !bytes.isEmpty
            case 0xC2 where index + 1 < buffer.count && buffer[index + 1] == 0xA0:  // NO-BREAK SPACE
                pendingSpace = !bytes.isEmpty
                index += 1
            default:
                append(byte: byte)
            }
            index += 1
        }
    }

    mutating func append(_ text: some StringProtocol) {
        var text = String(text)
        text.withUTF8 { append($0) }
    }

    mutating func append(byte: UInt8) {
        if pendingSpace { bytes.append(0x20) }
        pendingSpace = false
        bytes.append(byte)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
