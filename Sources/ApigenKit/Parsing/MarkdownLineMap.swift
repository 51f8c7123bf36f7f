import CLibXML2

/// Where the elements of a page rendered from Markdown start, as lines of the preprocessed Markdown.
enum MarkdownLineMap {
    /// The k-th `<tr>`, `<table>`, `<pre>` or `<hN>` of the DOM got the line of the k-th block of its kind
    /// in cmark's tree (the usual case: no attribute is rendered or parsed).
    case paired([xmlNodePtr: Int])
    /// The page was rendered with `data-sourcepos` on every block, because pairing failed.
    case sourcePositions

    /// Pairs the DOM's elements with `blockLines`; `nil` when the counts of a kind differ, which raw HTML
    /// elements of those kinds in the page cause.
    static func pairing(_ blockLines: MarkdownRenderer.BlockLines, with document: HTMLDocument) -> MarkdownLineMap? {
        var used = Array(repeating: 0, count: MarkdownRenderer.BlockLines.slotCount)
        var lines: [xmlNodePtr: Int] = [:]
        var paired = true
        document.root?.forEachDescendant { node in
            guard paired, node.isElement, let name = node.pointer.pointee.name,
                  let slot = MarkdownRenderer.BlockLines.slot(ofElementNamed: name)
            else { return }
            let recorded = blockLines.lines[slot]
            guard used[slot] < recorded.count else {
                paired = false
                return
            }
            lines[node.pointer] = recorded[used[slot]]
            used[slot] += 1
        }
        guard paired, used == blockLines.lines.map(\.count) else { return nil }
        return .paired(lines)
    }

    /// The Markdown line `node` starts on, if it is an element that records one.
    func markdownLine(of node: HTMLNode) -> Int? {
        switch self {
        case .paired(let lines):
            return lines[node.pointer]
        case .sourcePositions:
            // `data-sourcepos="12:1-14:20"`: the start line.
            return node.withAttribute("data-sourcepos") { position -> Int? in
                guard let digits = position?.prefix(while: { (0x30...0x39).contains($0) }), !digits.isEmpty else { return nil }
                return digits.reduce(0) { $0 &* 10 &+ Int($1 - 0x30) }
            }
        }
    }
}

extension MarkdownRenderer.BlockLines {
    /// The slot an element records its line into, compared on libxml2's C string: this runs for every
    /// element of every page.
    static func slot(ofElementNamed name: UnsafePointer<xmlChar>) -> Int? {
        func isNamed(_ expected: StaticString) -> Bool {
            let bytes = UnsafeBufferPointer(start: expected.utf8Start, count: expected.utf8CodeUnitCount)
            for (index, byte) in bytes.enumerated() where name[index] != byte { return false }
            return name[bytes.count] == 0
        }
        switch name[0] {
        case UInt8(ascii: "t"): return isNamed("tr") ? tableRow : isNamed("table") ? table : nil
        case UInt8(ascii: "p"): return isNamed("pre") ? codeBlock : nil
        case UInt8(ascii: "h"):
            guard (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(name[1]), name[2] == 0 else { return nil }
            return heading(level: Int(name[1] - UInt8(ascii: "0")))
        default: return nil
        }
    }
}
