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
            guard let href else { return nil }
            return linkTarget(href: href)
        }
    }

    /// Published pages have kramdown's typographic quotes (`won’t`, `“project”`) where the Markdown the docs are
    /// written in has straight ones (none of the corpus's Markdown holds a curly quote): the HTML route reads
    /// them straight, so both routes give the same text.
    static func straighteningQuotes(_ text: String) -> String {
        guard text.utf8.contains(0xE2) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}": result.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}": result.unicodeScalars.append("\"")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text of a cell written as Markdown (a pipe table kramdown left as text) as the rendered cell reads:
    /// links as their label, code spans and emphasis marks dropped.
    static func plainText(markdown: String) -> String {
        var text = markdown
        if text.contains("](") { text = replacingLinks(in: text) { label, _ in String(label) } }
        text.removeAll { $0 == "`" }
        return collapsed(text.replacingOccurrences(of: "**", with: ""))
    }

    /// Each `[label](href)` of `text` replaced by `replacement(label, href)`; the innermost bracket before
    /// `](` opens the label, so `array[[service](…)]` keeps its `array[`.
    private static func replacingLinks(in text: String, _ replacement: (Substring, Substring) -> String) -> String {
        var result = ""
        var rest = Substring(text)
        while let middle = rest.firstRange(of: "]("), let open = rest[..<middle.lowerBound].lastIndex(of: "["),
              let close = rest[middle.upperBound...].firstIndex(of: ")") {
            result += rest[..<open]
            result += replacement(rest[rest.index(after: open)..<middle.lowerBound], rest[middle.upperBound..<close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// A Type cell written as Markdown text (a pipe table kramdown left as text: `[serviceLink](/…/serviceLink/)`),
    /// as grammar text, each link written `{target}` as `typeCell` writes it.
    static func typeText(markdown: String) -> String {
        guard markdown.contains("](") else { return markdown }
        return replacingLinks(in: markdown) { label, href in
            "{" + (Array(href.utf8).withUnsafeBufferPointer { linkTarget(href: $0) } ?? String(label)) + "}"
        }
    }

    /// The type a link's `href` points at: its last path component, without `index.html`, `.html` or `.md`.
    static func linkTarget(href: UnsafeBufferPointer<UInt8>) -> String? {
        var href = href
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
