/// Limits that keep the C libraries' superlinear corners from stalling a build. Each was found by fuzzing
/// and measured here; real pages sit far below them (the largest in the corpus is 24 KB, with tags of a few
/// attributes). A page over a limit is refused with an error; the rest of the set is read.
enum InputLimits {
    /// cmark-gfm 0.29 (Debian 12's) is quadratic on some inline patterns (`![[]()` repeated: 4.6 s for
    /// 210 KB); under this limit the worst case takes under 2 s. Code blocks, most of a page, never reach cmark.
    static let markdownByteCount = 128 * 1024

    /// A published HTML page is read whole by libxml2; real ones are tens of KB.
    static let htmlByteCount = 1024 * 1024

    /// cmark-gfm's table extension appends each cell by walking the row's list (quadratic in the cells of a
    /// row: two rows of 60,000 took 16 s), and it pads every row to the header's width (256 columns by
    /// 25,000 rows took 12 s). Any line may start or continue a table, in a quote or a list too, so the
    /// widest line's pipes bound the columns, and those times the lines bound the cells. Real tables have
    /// at most six columns; real pages make a few hundred cells.
    static let cellsPerTableRow = 256
    static let tableCellsPerPage = 200_000

    /// Why the Markdown could make more table cells than cmark-gfm handles in time, and the (1-based)
    /// Markdown line of its widest line; nil when it cannot.
    static func tableCellExcess(in markdown: String) -> (reason: String, line: Int)? {
        var widest = (pipes: 0, line: 1)
        var line = 1
        var pipes = 0
        for byte in markdown.utf8 {
            if byte == UInt8(ascii: "|") {
                pipes += 1
            } else if byte == 0x0A {
                if pipes > widest.pipes { widest = (pipes, line) }
                pipes = 0
                line += 1
            }
        }
        if pipes > widest.pipes { widest = (pipes, line) }
        if widest.pipes > cellsPerTableRow {
            return ("a line of \(widest.pipes) table cells (more than \(cellsPerTableRow)); the page is not read", widest.line)
        }
        guard (widest.pipes + 1) * line > tableCellsPerPage else { return nil }
        return ("\(widest.pipes + 1) columns over \(line) lines could make more than \(tableCellsPerPage) table cells; "
                + "the page is not read", widest.line)
    }

    /// cmark-gfm 0.29 walks every ancestor when it appends a node, so a page costs nesting depth times
    /// inline nodes (65,000 nested quotes over 65,000 quotes took 15 s). Real pages nest three deep.
    static let nestingDepth = 128

    /// The (1-based) Markdown line whose leading quote and list markers (and indentation, a level per two
    /// spaces) could nest blocks deeper than `nestingDepth`; nil when none can.
    static func lineNestedTooDeep(in markdown: String) -> Int? {
        var lineNumber = 0
        for line in markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var depth = 0
            var spaces = 0
            var index = line.startIndex
            func blankFollows(_ position: String.UTF8View.Index) -> Bool {
                let next = line.index(after: position)
                return next < line.endIndex && (line[next] == 0x20 || line[next] == 0x09)
            }
            scan: while index < line.endIndex {
                // The blank after a marker belongs to the marker, not to the indentation.
                switch line[index] {
                case UInt8(ascii: ">"):
                    depth += 1
                    if blankFollows(index) { index = line.index(after: index) }
                case 0x20: spaces += 1
                case 0x09: spaces += 4
                case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                    guard blankFollows(index) else { break scan }
                    depth += 1
                    index = line.index(after: index)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):  // `1.` or `1)`
                    while index < line.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) {
                        index = line.index(after: index)
                    }
                    guard index < line.endIndex, line[index] == UInt8(ascii: ".") || line[index] == UInt8(ascii: ")"),
                          blankFollows(index) else { break scan }
                    depth += 1
                    index = line.index(after: index)
                default: break scan
                }
                if depth + spaces / 2 > nestingDepth { return lineNumber }
                index = line.index(after: index)
            }
        }
        return nil
    }

    /// libxml2 2.9 compares each attribute of a tag with every earlier one (40,000 took 4.7 s); 1,000 take
    /// a millisecond. Counted as words separated by whitespace or after a quoted value, so `a = "b"` counts three.
    static let attributesPerTag = 1_000

    /// The line, counted from 1 at the start of `text`, of the first tag with more attribute words than
    /// `attributesPerTag`; nil when there is none. One pass over the bytes; quoted values are skipped.
    static func lineOfCrowdedTag(in text: Substring) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var line = 1
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == 0x0A { line += 1 }
                guard byte == UInt8(ascii: "<"), index < bytes.count, isLetter(bytes[index]) else { continue }
                let tagLine = line
                var words = 0
                var afterSpace = false
                // The tag name, then its attributes up to `>`.
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                    let current = bytes[index]
                    index += 1
                    if current == 0x0A { line += 1 }
                    if isSpace(current) {
                        afterSpace = true
                        continue
                    }
                    if afterSpace {
                        words += 1
                        if words > attributesPerTag { return tagLine }
                        afterSpace = false
                    }
                    if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                        while index < bytes.count, bytes[index] != current {
                            if bytes[index] == 0x0A { line += 1 }
                            index += 1
                        }
                        index += 1
                        afterSpace = true  // libxml2 takes `a=""b=""` as two attributes
                    }
                }
            }
            return nil
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
}
