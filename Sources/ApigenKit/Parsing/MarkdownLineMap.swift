import CLibXML2

/// Where the elements of a page rendered from Markdown start, as lines of the preprocessed Markdown.
enum MarkdownLineMap {
    /// The k-th `<tr>`, `<table>`, `<pre>` or `<hN>` of the DOM got the line of the k-th block of its kind
    /// in cmark's tree (the usual case: no attribute is rendered or parsed). The line is kept in the node's
    /// `_private` field, libxml2's slot for application data.
    case paired
    /// The page was rendered with `data-sourcepos` on every block, because pairing failed.
    case sourcePositions

    /// Pairs the DOM's elements with `blockLines`; `nil` when the counts of a kind differ, which raw HTML
    /// elements of those kinds in the page cause.
    static func pairing(_ blockLines: MarkdownRenderer.BlockLines, with document: HTMLDocument) -> MarkdownLineMap? {
        var used = Array(repeating: 0, count: MarkdownRenderer.BlockLines.slotCount)
        // Depth-first over the elements, without recursion or closures: this visits every element.
        var next = document.root?.pointer
        while let node = next {
            if node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name,
               let slot = MarkdownRenderer.BlockLines.slot(ofElementNamed: name) {
                let recorded = blockLines.lines[slot]
                guard used[slot] < recorded.count else { return nil }
                node.pointee._private = UnsafeMutableRawPointer(bitPattern: recorded[used[slot]])
                used[slot] += 1
            }
            next = successor(of: node)
        }
        return used == blockLines.lines.map(\.count) ? .paired : nil
    }

    /// The next node in document order: first child, else next sibling, else an ancestor's next sibling.
    private static func successor(of node: xmlNodePtr) -> xmlNodePtr? {
        if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children { return child }
        var current: xmlNodePtr? = node
        while let candidate = current {
            if let sibling = candidate.pointee.next { return sibling }
            current = candidate.pointee.parent
            if current?.pointee.type != XML_ELEMENT_NODE { return nil }
        }
        return nil
    }

    /// The Markdown line `node` starts on, if it is an element that records one.
    func markdownLine(of node: HTMLNode) -> Int? {
        switch self {
        case .paired:
            // Lines start at 1: a nil slot is an element without one.
            return node.pointer.pointee._private.map { Int(bitPattern: $0) }
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
