import Foundation

/// Checks GFM pipe tables line by line before cmark-gfm sees them, because cmark silently pads
/// short rows, drops extra cells and ignores a table whose delimiter row does not match its header.
///
/// Repairs the two defects the Rancher docs really have, each with a warning:
/// - a delimiter row with more cells than the header (`common/index.md`): rewritten to match;
/// - several rows run together on one line ending in `<br>` (v1.0 action inputs): split into rows.
struct TableRepair {
    let file: String
    /// Header cell count of the table being read; `nil` outside a table.
    private var columns: Int?
    private var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func reset() { columns = nil }

    var hasDiagnostics: Bool { !diagnostics.isEmpty }

    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics.removeAll() }
        return diagnostics
    }

    /// What to emit for a line: nearly always the line itself, which costs no array.
    enum Repaired: Equatable {
        case unchanged
        case replaced(by: [Substring])
    }

    /// What to emit for `line`; `previous` is the last line emitted before it.
    mutating func repair(_ line: Substring, line lineNumber: Int, previous: Substring?) -> Repaired {
        if let columns {
            guard line.containsByte(UInt8(ascii: "|")), !line.trimmingSpaces().isEmpty else {
                self.columns = nil
                return .unchanged
            }
            return repairRow(line, columns: columns, line: lineNumber)
        }
        guard let previous, previous.containsByte(UInt8(ascii: "|")), Self.isDelimiterRow(line) else { return .unchanged }
        let headerCells = Self.cells(of: previous).count
        let delimiterCells = Self.cells(of: line).count
        columns = headerCells
        guard headerCells != delimiterCells else { return .unchanged }
        diagnostics.append(.warning(
            "table header has \(headerCells) cells but its delimiter row has \(delimiterCells); read with \(headerCells) columns",
            file: file, line: lineNumber))
        return .replaced(by: [Substring(Array(repeating: "---", count: headerCells).joined(separator: "|"))])
    }

    private mutating func repairRow(_ line: Substring, columns: Int, line lineNumber: Int) -> Repaired {
        let trimmed = line.trimmingSpaces()
        let endsWithPipe = trimmed.utf8.last == UInt8(ascii: "|")
        // Most rows are well formed: count separators without splitting the row.
        let partCount = Self.separatorCount(in: trimmed) + 1
        let cellCount = endsWithPipe ? partCount - 1 : partCount
        if cellCount == columns || (cellCount == columns - 1 && endsWithPipe) { return .unchanged }
        let parts = Self.parts(of: line)
        if cellCount < columns {
            diagnostics.append(.warning("table row has \(cellCount) cells, the header has \(columns)", file: file, line: lineNumber))
            return .unchanged
        }
        if parts.last?.containsText("<br>") == true,
           let rows = Self.splitRunTogetherRows(parts.map(String.init), columns: columns)?.map({ Substring($0.joined(separator: " | ")) }) {
            diagnostics.append(.warning(
                "\(rows.count) table rows run together on one line ending in <br>; read as separate rows",
                file: file, line: lineNumber))
            return .replaced(by: rows)
        }
        diagnostics.append(.warning(
            "table row has \(cellCount) cells, the header has \(columns); extra cells ignored", file: file, line: lineNumber))
        return .unchanged
    }

    /// The generator lost the line breaks between rows whose last cell is Notes, so each row's Notes
    /// runs into the next row's name: `a | t | No | 1 | b | t | No | 2 | <br>` gives cells
    /// `a, t, No, 1, b, t, No, 2, <br>`. Returns the rows' cells, or `nil` when the cells do not have that shape.
    static func splitRunTogetherRows(_ cells: [String], columns: Int) -> [[String]]? {
        let stride = columns - 1
        guard stride > 0, cells.count > columns, (cells.count - 1) % stride == 0 else { return nil }
        var rows: [[String]] = []
        var name = String(cells[0].trimmingSpaces())
        for start in Swift.stride(from: 0, to: cells.count - 1, by: stride) {
            let middle = cells[(start + 1)..<(start + stride)].map { String($0.trimmingSpaces()) }
            let merged = cells[start + stride].replacingOccurrences(of: "<br>", with: "").trimmingSpaces()
            var notes = String(merged)
            var nextName = ""
            if start + stride < cells.count - 1 {
                // "notes nextName": the next row's name is the last word.
                let words = merged.split(separator: " ")
                nextName = words.last.map(String.init) ?? ""
                notes = words.dropLast().joined(separator: " ")
            }
            rows.append([name] + middle + [notes])
            name = nextName
        }
        return rows
    }

    static func isDelimiterRow(_ line: Substring) -> Bool {
        guard line.containsByte(UInt8(ascii: "|")), line.containsByte(UInt8(ascii: "-")) else { return false }
        return line.utf8.allSatisfy { "|-: \t".utf8.contains($0) }
    }

    /// The cells GFM would see: a leading and a trailing pipe are borders, not separators.
    static func cells(of line: Substring) -> [Substring] {
        var parts = parts(of: line)
        if line.trimmingSpaces().hasSuffix("|"), parts.last?.trimmingSpaces().isEmpty == true { parts.removeLast() }
        return parts
    }

    /// Unescaped pipes after a leading border pipe: the number of parts `parts(of:)` makes, minus one.
    private static func separatorCount(in trimmed: Substring) -> Int {
        var count = 0
        var escaped = false
        var isFirst = true
        for byte in trimmed.utf8 {
            defer { isFirst = false }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "|"), !isFirst {
                count += 1
            }
        }
        return count
    }

    /// The row split on unescaped pipes, after a leading border pipe (scanned as UTF-8 bytes).
    private static func parts(of line: Substring) -> [Substring] {
        var text = line.trimmingSpaces()
        if text.utf8.first == UInt8(ascii: "|") { text = text.dropFirst() }
        let bytes = text.utf8
        var parts: [Substring] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        var escaped = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "|") {
                parts.append(text[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }
}
