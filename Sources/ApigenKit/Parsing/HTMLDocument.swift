import CLibXML2

/// A parsed HTML page (libxml2's forgiving HTML parser) with the few DOM queries the extractor needs.
final class HTMLDocument {
    private let document: htmlDocPtr

    init?(html: String) {
        var html = html
        let parsed = html.withUTF8 { buffer in buffer.withMemoryRebound(to: CChar.self, Self.parse) }
        guard let parsed else { return nil }
        document = parsed
    }

    init?(html: UnsafeBufferPointer<CChar>) {
        guard let parsed = Self.parse(html) else { return nil }
        document = parsed
    }

    private static func parse(_ html: UnsafeBufferPointer<CChar>) -> htmlDocPtr? {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        return htmlReadMemory(html.baseAddress, Int32(html.count), nil, "UTF-8", options)
    }

    deinit { xmlFreeDoc(document) }

    /// The `<html>` element.
    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }

    var body: HTMLNode? {
        guard let root else { return nil }
        return root.firstDescendant { $0.isElement(named: "body") } ?? root
    }
}

/// A borrowed libxml2 node; valid while its `HTMLDocument` lives.
struct HTMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The lower-cased element name, or `""` for other nodes.
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The line libxml2 saw the node on (meaningful for pages read as HTML).
    var line: Int { Int(xmlGetLineNo(pointer)) }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { apigen_xmlFree(value) }
        return String(cString: value)
    }

    /// Calls `body` with an attribute's value as UTF-8 bytes (`nil` when the attribute is absent).
    /// A value libxml2 holds as one text node is read in place: this runs for every class test and link.
    func withAttribute<Result>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard let attribute = xmlHasProp(pointer, name.utf8Start) else { return body(nil) }
        if let child = attribute.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE {
            guard let content = child.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        guard let value = xmlNodeListGetString(pointer.pointee.doc, attribute.pointee.children, 1) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { apigen_xmlFree(value) }
        return body(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
    }

    /// Whether the space-separated `class` attribute lists `className`.
    func hasClass(_ className: StaticString) -> Bool {
        withAttribute("class") { value in
            guard let value else { return false }
            let wanted = UnsafeBufferPointer(start: className.utf8Start, count: className.utf8CodeUnitCount)
            return value.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }).contains { $0.elementsEqual(wanted) }
        }
    }

    /// All text below this node, as in the DOM's `textContent`.
    var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { apigen_xmlFree(content) }
        return String(cString: content)
    }

    /// `text` with whitespace collapsed (`DocumentText.collapsed`), read straight from the text nodes:
    /// it runs on every table cell, so it skips the uncollapsed copy.
    var collapsedText: String {
        var collapsing = CollapsingText()
        appendText(to: &collapsing)
        return collapsing.string
    }

    func appendText(to collapsing: inout CollapsingText) {
        if isText {
            if let content = pointer.pointee.content {
                collapsing.append(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            return
        }
        var child = pointer.pointee.children
        while let current = child {
            HTMLNode(pointer: current).appendText(to: &collapsing)
            child = current.pointee.next
        }
    }

    /// The child nodes, walked in place (no array is built).
    var children: Children { Children(first: pointer.pointee.children) }

    /// The child elements (a concrete sequence: a lazy filter's generic metadata was looked up per call).
    var elementChildren: ElementChildren { ElementChildren(children: children) }

    struct ElementChildren: Sequence, IteratorProtocol {
        var children: Children

        mutating func next() -> HTMLNode? {
            while let child = children.next() {
                if child.isElement { return child }
            }
            return nil
        }
    }

    struct Children: Sequence, IteratorProtocol {
        var upcoming: xmlNodePtr?

        init(first: xmlNodePtr?) { upcoming = first }

        mutating func next() -> HTMLNode? {
            guard let current = upcoming else { return nil }
            upcoming = current.pointee.next
            return HTMLNode(pointer: current)
        }
    }

    /// Whether this is an element named `name` (lower case), compared in place.
    func isElement(named name: StaticString) -> Bool {
        guard isElement, let elementName = pointer.pointee.name else { return false }
        return name.withUTF8Buffer { expected in
            var index = 0
            while index < expected.count {
                guard elementName[index] == expected[index] else { return false }
                index += 1
            }
            return elementName[index] == 0
        }
    }

    var parent: HTMLNode? { pointer.pointee.parent.map(HTMLNode.init) }

    /// Depth-first, document order.
    func forEachDescendant(_ body: (HTMLNode) -> Void) {
        var child = pointer.pointee.children
        while let current = child {
            let node = HTMLNode(pointer: current)
            body(node)
            node.forEachDescendant(body)
            child = current.pointee.next
        }
    }

    func descendants(where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
        var result: [HTMLNode] = []
        forEachDescendant { if predicate($0) { result.append($0) } }
        return result
    }

    func firstDescendant(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        var child = pointer.pointee.children
        while let current = child {
            let node = HTMLNode(pointer: current)
            if predicate(node) { return node }
            if let found = node.firstDescendant(where: predicate) { return found }
            child = current.pointee.next
        }
        return nil
    }
}
