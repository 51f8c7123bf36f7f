import Foundation

/// Reads the IR out of a page's DOM: heading, description, field tables, Operations and Actions.
///
/// The same code serves pages rendered from Markdown by cmark-gfm and pages published as HTML;
/// only the way a node maps back to a source line differs (`SourceLines`).
struct PageExtractor {
    /// How DOM nodes map to lines of the page the user wrote.
    enum SourceLines {
        /// Rendered from Markdown: cmark's block lines through the preprocessor's line map; raw HTML action
        /// blocks have no line in cmark's tree, so their lines were recorded by the preprocessor in order.
        case markdown(MarkdownPreprocessor.Output, MarkdownLineMap)
        /// Read as HTML: libxml2's own line numbers.
        case html
    }

    let name: String
    let file: String
    let frontMatter: FrontMatter?
    let sourceLines: SourceLines
    var diagnostics: [Diagnostic] = []
    private var actionBlockIndex = 0

    init(name: String, file: String, frontMatter: FrontMatter?, sourceLines: SourceLines) {
        self.name = name
        self.file = file
        self.frontMatter = frontMatter
        self.sourceLines = sourceLines
    }

    mutating func extract(from document: HTMLDocument) -> ParsedPage? {
        guard let body = document.body else { return nil }
        var page = ParsedPage(
            name: name, file: file, heading: "", headingLine: 0, kind: .type, origin: .page, description: "",
            fields: [], operations: [], actions: [], frontMatter: frontMatter)
        var section = Section.preamble
        var pendingTable: TableRole?
        var descriptionParts: [String] = []

        walk(body) { node in
            switch node.name {
            case "h2":
                // The first `##` names the page; a published layout's own <h1> is not it.
                guard page.heading.isEmpty else { return .skipChildren }
                page.heading = node.collapsedText
                page.headingLine = line(of: node)
                section = .description
                return .skipChildren
            case "h3":
                section = Section(heading: node.collapsedText)
                pendingTable = nil
                return .skipChildren
            case "h4", "h5":
                let heading = node.collapsedText.lowercased()
                pendingTable = heading.containsText("read only") ? .readOnly : heading.containsText("writ") ? .writeable : nil
                return .skipChildren
            case "table":
                let role = pendingTable ?? (section == .description || section == .fields ? .readOnly : nil)
                if let role { page.fields += readFieldTable(node, role: role) }
                pendingTable = nil
                return .skipChildren
            case "div" where node.hasClass("action"):
                readActionBlock(node, section: section, into: &page)
                return .skipChildren
            case "p", "ul", "ol", "blockquote":
                guard section == .description else { return .skipChildren }
                let text = node.collapsedText
                if !text.isEmpty { descriptionParts.append(text) }
                return .skipChildren
            case "pre", "script", "style", "head":
                return .skipChildren
            default:
                return .descend
            }
        }
        guard !page.heading.isEmpty else { return nil }
        page.description = descriptionParts.joined(separator: " ")
        page.fields = removingDuplicates(page.fields, what: "field")  // across the Writeable and Read Only tables
        page.operations = removingDuplicates(page.operations, what: "operation", name: \.operation.name, line: \.line)
        page.actions = removingDuplicates(page.actions, what: "action", name: \.name, line: \.line)
        return page
    }

    // MARK: - Walking

    enum TableRole { case writeable, readOnly, actionInput }

    private enum Section: Equatable {
        case preamble, description, fields, operations, actions, other

        init(heading: String) {
            switch heading.lowercased() {
            case "resource fields": self = .fields
            case "operations": self = .operations
            case "actions": self = .actions
            default: self = .other
            }
        }
    }

    private enum WalkStep { case descend, skipChildren }

    private func walk(_ node: HTMLNode, _ visit: (HTMLNode) -> WalkStep) {
        for child in node.elementChildren {
            if visit(child) == .descend { walk(child, visit) }
        }
    }

    func line(of node: HTMLNode) -> Int {
        switch sourceLines {
        case .html:
            return node.line
        case .markdown(let output, let lineMap):
            var current: HTMLNode? = node
            while let candidate = current {
                if let markdownLine = lineMap.markdownLine(of: candidate) { return output.pageLine(forMarkdownLine: markdownLine) }
                current = candidate.parent
            }
            return 0
        }
    }

    // MARK: - Operations and actions

    private mutating func readActionBlock(_ block: HTMLNode, section: Section, into page: inout ParsedPage) {
        let blockLine = actionBlockLine(block)
        guard let header = block.firstDescendant(where: { $0.hasClass("header") }),
              let headerRight = header.firstDescendant(where: { $0.hasClass("headerright") })
        else {
            diagnostics.append(.warning("action block without a header ignored", file: file, line: blockLine))
            return
        }
        let title = DocumentText.collapsed(header.children.filter(\.isText).map(\.text).joined(separator: " "))
        let request = headerRight.collapsedText
        let method = request.prefix { $0 != ":" }.trimmingSpaces()
        let path = headerRight.firstDescendant { $0.isElement(named: "code") }.map { $0.collapsedText } ?? ""
        guard !method.isEmpty, !path.isEmpty else {
            diagnostics.append(.warning("action block '\(title)' without a method and URL ignored", file: file, line: blockLine))
            return
        }
        let body = exampleBody(in: block)
        let id = block.attribute("id")
        let isAction = section == .actions || (section != .operations && id != nil)
        if !isAction {
            let operation = Operation(name: (title.isEmpty ? id ?? "" : title).lowercased(), method: String(method), path: path)
            page.operations.append(RawOperation(operation: operation, line: blockLine, body: body))
            return
        }
        let input = block.firstDescendant { $0.hasClass("input") }
        let output = block.firstDescendant { $0.hasClass("output") }
        var inputFields: [RawField] = []
        if let table = block.firstDescendant(where: { $0.isElement(named: "table") }) {
            inputFields = readFieldTable(table, role: .actionInput)
        } else if case .html = sourceLines {
            // Published by kramdown, the input table is a paragraph of `|` lines (only the Markdown route's
            // cmark-gfm renders tables inside HTML blocks).
            for text in block.descendants(where: \.isText) where text.text.contains("|") {
                if let fields = readTextTable(in: text.text, firstLine: line(of: text), role: .actionInput) {
                    inputFields = fields
                    break
                }
            }
        }
        let inputType = input.flatMap { $0.firstDescendant { $0.isElement(named: "a") } }.flatMap(DocumentText.linkTarget)
        if input == nil {
            diagnostics.append(.warning("action '\(title)' has no Input line", file: file, line: blockLine))
        } else if inputType == nil, !(input?.text.containsText("no inputs") ?? false) {
            diagnostics.append(.warning("action '\(title)': unreadable Input line", file: file, line: blockLine))
        }
        page.actions.append(RawAction(
            name: title.isEmpty ? id ?? "" : title, method: String(method), path: path, input: inputType,
            output: output.flatMap { $0.firstDescendant { $0.isElement(named: "a") } }.flatMap(DocumentText.linkTarget),
            inputFields: inputFields, line: blockLine, body: body))
    }

    /// A code block's text and the page line of its first line. Code from Markdown pages was set aside
    /// by the preprocessor; the `<pre>` holds a placeholder.
    private func codeText(of pre: HTMLNode) -> (text: String, firstLine: Int) {
        let text = pre.text
        if case .markdown(let output, _) = sourceLines, let block = output.codeBlock(forPlaceholder: text) {
            return (block.text, block.firstLine)
        }
        return (text, line(of: pre))
    }

    private mutating func actionBlockLine(_ block: HTMLNode) -> Int {
        defer { actionBlockIndex += 1 }
        if case .markdown(let output, _) = sourceLines, actionBlockIndex < output.actionBlockLines.count {
            return output.actionBlockLines[actionBlockIndex]
        }
        return line(of: block)
    }

    /// The JSON after `-d '` in the block's curl example, if any.
    private mutating func exampleBody(in block: HTMLNode) -> RawExample? {
        guard let pre = block.firstDescendant(where: { $0.isElement(named: "pre") }) else { return nil }
        let (code, firstCodeLine) = codeText(of: pre)
        guard let start = code.firstRange(ofText: "-d '") else { return nil }
        let afterQuote = code[start.upperBound...]
        // The body ends at the quote before the URL argument (`}' 'http://…'`).
        guard let end = afterQuote.lastRange(ofText: "' '") ?? afterQuote.lastRange(ofText: "'") else {
            diagnostics.append(.warning("unterminated -d body in curl example", file: file, line: firstCodeLine))
            return nil
        }
        let jsonText = afterQuote[..<end.lowerBound]
        let bodyLine = firstCodeLine + code[..<start.lowerBound].utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        do {
            return RawExample(json: try OrderedJSON.parse(String(jsonText)), line: bodyLine)
        } catch {
            diagnostics.append(.warning("broken JSON in curl example: \(error.reason)",
                                        file: file, line: bodyLine + error.line - 1))
            return nil
        }
    }
}
