/// Reads field tables (Writeable, Read Only, action Input) from the DOM into `RawField`s.
extension PageExtractor {
    /// One table cell. Its readings are computed on demand: a table has many cells and each
    /// column needs only one of them.
    struct TableCell {
        private let node: HTMLNode?
        private let plainText: String?
        private let markdown: String?

        init(_ node: HTMLNode) {
            self.node = node
            plainText = nil
            markdown = nil
        }

        init(text: String) {
            node = nil
            plainText = text
            markdown = nil
        }

        /// A cell of a table written as text: Markdown, links and code spans included.
        init(markdown: String) {
            node = nil
            plainText = DocumentText.plainText(markdown: markdown)
            self.markdown = markdown
        }

        var text: String { plainText ?? node.map { $0.collapsedText } ?? "" }

        /// The cell as type grammar with links written `{target}` (Markdown links too, in a text table).
        var typeText: String { node.map(DocumentText.typeCell) ?? markdown.map(DocumentText.typeText(markdown:)) ?? plainText ?? "" }

        var options: [String]? { node.map(DocumentText.enumOptions(inNotes:)) ?? plainText.flatMap(DocumentText.enumOptions(inText:)) }
    }

    /// Where each column the reader knows sits in a table, found once from its header cells.
    struct Columns {
        let count: Int
        let field: Int
        let type, create, update, required, `default`, notes: Int?

        init(headers: [String]) {
            count = headers.count
            field = headers.firstIndex(of: "field") ?? 0
            type = headers.firstIndex(of: "type")
            create = headers.firstIndex(of: "create")
            update = headers.firstIndex(of: "update")
            required = headers.firstIndex(of: "required")
            `default` = headers.firstIndex(of: "default")
            notes = headers.firstIndex(of: "notes")
        }
    }

    mutating func readFieldTable(_ table: HTMLNode, role: TableRole) -> [RawField] {
        var headers = table.descendants { $0.isElement(named: "th") }.map { $0.collapsedText.lowercased() }
        // kramdown pads the header with blank cells to its widest row (rows run together on one line).
        while headers.last?.isEmpty == true { headers.removeLast() }
        guard !headers.isEmpty else { return [] }
        let columns = Columns(headers: headers)
        var fields: [RawField] = []
        for row in table.descendants(where: { $0.isElement(named: "tr") }) {
            var cells: [TableCell] = []
            cells.reserveCapacity(columns.count)
            for child in row.children where child.isElement(named: "td") { cells.append(TableCell(child)) }
            guard !cells.isEmpty else { continue }
            let rowLine = line(of: row)
            // A row without a name is skipped before any other cell is read.
            guard cells.count > columns.field else { continue }
            for rowCells in splitRows(cells, columns: columns.count, line: rowLine) {
                fields += self.fields(from: rowCells, columns: columns, role: role, line: rowLine)
            }
        }
        return removingDuplicates(fields, what: role == .actionInput ? "input field" : "field")
    }

    /// A pipe table that the page holds as text: kramdown, which published the docs, leaves a Markdown table
    /// inside an HTML block (an action's input table) as a paragraph of `|` lines. `text` is the text around
    /// it, `firstLine` the page line of its first line. Nil when the text holds no table.
    mutating func readTextTable(in text: String, firstLine: Int, role: TableRole) -> [RawField]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let delimiter = lines.firstIndex(where: TableRepair.isDelimiterRow), delimiter > 0 else { return nil }
        let headers = TableRepair.cells(of: lines[delimiter - 1]).map { $0.trimmingSpaces().lowercased() }
        let columns = Columns(headers: headers)
        var fields: [RawField] = []
        for (offset, row) in lines[(delimiter + 1)...].enumerated() {
            guard row.contains("|") else { break }
            let cells = TableRepair.cells(of: row).map { TableCell(markdown: String($0.trimmingSpaces())) }
            guard cells.count > columns.field else { continue }
            let rowLine = firstLine + delimiter + 1 + offset
            for rowCells in splitRows(cells, columns: columns.count, line: rowLine) {
                fields += self.fields(from: rowCells, columns: columns, role: role, line: rowLine)
            }
        }
        return removingDuplicates(fields, what: role == .actionInput ? "input field" : "field")
    }

    /// cmark-gfm pads and truncates rows itself (the Markdown preprocessor reported and repaired them);
    /// published HTML keeps every cell, so rows run together are split here.
    private mutating func splitRows(_ cells: [TableCell], columns: Int, line: Int) -> [[TableCell]] {
        guard cells.count > columns, case .html = sourceLines else { return [cells] }
        guard let rows = TableRepair.splitRunTogetherRows(cells.map(\.text), columns: columns) else {
            diagnostics.append(.warning("table row has \(cells.count) cells, the header has \(columns); extra cells ignored",
                                        file: file, line: line))
            return [Array(cells.prefix(columns))]
        }
        diagnostics.append(.warning("\(rows.count) table rows run together on one line; read as separate rows",
                                    file: file, line: line))
        // Type cells keep their links; names and notes come from the split text.
        let stride = columns - 1
        return rows.enumerated().map { index, texts in
            texts.enumerated().map { column, text in
                let original = index * stride + column
                let isSplitCell = column == 0 || column == columns - 1
                return isSplitCell || original >= cells.count ? TableCell(text: text) : cells[original]
            }
        }
    }

    /// The row's field; two for a timestamp pair (`created[TS]`), none for a row without a name.
    private mutating func fields(from cells: [TableCell], columns: Columns, role: TableRole, line: Int) -> [RawField] {
        func cell(_ column: Int?) -> TableCell? {
            column.flatMap { $0 < cells.count ? cells[$0] : nil }
        }
        func text(_ column: Int?) -> String { cell(column)?.text ?? "" }

        let notes = cell(columns.notes)
        let notesText = notes?.text ?? ""
        let writtenName = (cell(columns.field) ?? cells[0]).text
        var name = writtenName
        if name.isEmpty {
            diagnostics.append(.warning("table row without a field name ignored", file: file, line: line))
            return []
        }
        // On the bytes: a Character search segments graphemes, and this runs on every row.
        if name.utf8.last == UInt8(ascii: "]"), let bracket = name.utf8.firstIndex(of: UInt8(ascii: "[")) {
            let cleaned = String(name[..<bracket])
            // `name[TS]` is reported as the pair it stands for, once both fields exist (timestampPair).
            if !isTimestampPair(name, cleaned: cleaned) {
                diagnostics.append(.warning("field name '\(name)' is not an identifier; read as '\(cleaned)'", file: file, line: line))
            }
            name = cleaned
        }
        let typeCell: TypeGrammar.CellType
        do {
            typeCell = try TypeGrammar.parseCell(cell(columns.type)?.typeText ?? "")
        } catch {
            diagnostics.append(.warning("field '\(name)': unreadable type: \(error)", file: file, line: line))
            typeCell = .scalar(.json)
        }
        let defaultText = text(columns.default)
        var field = RawField(
            name: name, cell: checked(typeCell, field: name, line: line), line: line,
            writable: false, create: false, required: false, update: false,
            default: defaultText.isEmpty || defaultText == "-" ? nil : defaultText,
            options: notesText.containsText("ptions are") ? notes?.options : nil, description: notesText)
        switch role {
        case .writeable:
            field.writable = true
            switch text(columns.create) {
            case "Yes": field.create = true; field.required = true
            case "Optional": field.create = true
            case "-", "", "No": break
            case let other:
                diagnostics.append(.warning("field '\(name)': unknown Create value '\(other)'", file: file, line: line))
            }
            switch text(columns.update) {
            case "Yes": field.update = true
            case "-", "", "No": break
            case let other:
                diagnostics.append(.warning("field '\(name)': unknown Update value '\(other)'", file: file, line: line))
            }
        case .actionInput:
            field.writable = true
            field.create = true
            field.required = text(columns.required) == "Yes"
        case .readOnly:
            break
        }
        return timestampPair(field, written: writtenName)
    }

    /// `created[TS] | date` is the server's pair `created` (the date) and `createdTS` (epoch milliseconds).
    private mutating func timestampPair(_ field: RawField, written: String) -> [RawField] {
        guard isTimestampPair(written, cleaned: field.name) else { return [field] }
        var epoch = field
        epoch.name += "TS"
        epoch.cell = .scalar(.int)
        epoch.default = nil
        epoch.description = "The same instant as `\(field.name)`, in milliseconds since 1970."
        diagnostics.append(.warning(
            "field '\(written)' is the pair '\(field.name)' (date) and '\(epoch.name)' (epoch milliseconds); read as both",
            file: file, line: field.line))
        return [field, epoch]
    }

    private func isTimestampPair(_ written: String, cleaned: String) -> Bool {
        !cleaned.isEmpty && written == cleaned + ResourceConventions.timestampPairSuffix
    }

    /// Flags bare words that are not part of the grammar; the common page's `bool` is read as `boolean`.
    private mutating func checked(_ cell: TypeGrammar.CellType, field: String, line: Int) -> TypeGrammar.CellType {
        switch cell {
        case .word("bool"):
            diagnostics.append(.warning("field '\(field)': nonstandard type 'bool', read as 'boolean'", file: file, line: line))
            return .scalar(.boolean)
        case .word(let word):
            diagnostics.append(.warning("field '\(field)': unknown type '\(word)', read as 'json'", file: file, line: line))
            return .scalar(.json)
        case .array(let element): return .array(checked(element, field: field, line: line))
        case .map(let element): return .map(checked(element, field: field, line: line))
        default: return cell
        }
    }

    /// The first of each name; each later one is a warning (a repeated action would also be a repeated
    /// method in the client, which does not compile).
    mutating func removingDuplicates<Item>(
        _ items: [Item], what: String, later: String = "one", name: (Item) -> String, line: (Item) -> Int
    ) -> [Item] {
        var seen = Set<String>(minimumCapacity: items.count)
        return items.filter { item in
            if seen.insert(name(item)).inserted { return true }
            diagnostics.append(.warning("duplicate \(what) '\(name(item))'; the later \(later) is ignored", file: file, line: line(item)))
            return false
        }
    }

    mutating func removingDuplicates(_ fields: [RawField], what: String) -> [RawField] {
        removingDuplicates(fields, what: what, later: "row", name: \.name, line: \.line)
    }
}
