/// Prepares a Jekyll page body for cmark-gfm: expands Liquid, turns `{% highlight %}` into fenced code,
/// drops kramdown options, and repairs the table defects measured in the Rancher docs.
///
/// Lines are added and removed on the way, so every output line remembers the source line it came from.
struct MarkdownPreprocessor {
    struct Output {
        var markdown: String
        /// `sourceLines[i]` is the page line that output line `i + 1` came from.
        var sourceLines: [Int]
        var diagnostics: [Diagnostic]
        /// Page lines of the `<div class="action">` blocks, in order: cmark gives raw HTML no position.
        var actionBlockLines: [Int]
        /// The code of each `{% highlight %}` block. The Markdown holds a placeholder instead: the code is
        /// opaque, and most of a page's bytes, so it does not need a trip through cmark-gfm and libxml2.
        var codeBlocks: [CodeBlock]

        /// The code block a `<pre>` placeholder stands for.
        func codeBlock(forPlaceholder text: String) -> CodeBlock? {
            guard text.hasPrefix(MarkdownPreprocessor.placeholderPrefix),
                  let index = Int(text.dropFirst(MarkdownPreprocessor.placeholderPrefix.count).prefix { $0.isNumber }),
                  codeBlocks.indices.contains(index)
            else { return nil }
            return codeBlocks[index]
        }

        /// Maps a line of the preprocessed Markdown (1-based, as cmark's `data-sourcepos`) to the page line.
        func pageLine(forMarkdownLine line: Int) -> Int {
            guard !sourceLines.isEmpty else { return 0 }
            return sourceLines[min(max(line, 1), sourceLines.count) - 1]
        }
    }

    struct CodeBlock: Sendable {
        var text: String
        /// The page line of the first code line.
        var firstLine: Int
    }

    static let placeholderPrefix = "apigen-code-block:"

    let file: String
    /// `site.baseurl` and `page.<key>` for each front matter key, as UTF-8.
    let variables: [(name: [UInt8], value: [UInt8])]

    private var markdown = ""
    private var previousLine: Substring?
    private var sourceLines: [Int] = []
    private var codeBlocks: [CodeBlock] = []
    /// Whether a `{% highlight %}` block is open, and its lines so far.
    private var isInCode = false
    private var codeLines: [Substring] = []
    private var codeFirstLine = 0
    private var diagnostics: [Diagnostic] = []
    private var actionBlockLines: [Int] = []

    init(file: String, frontMatter: FrontMatter?) {
        self.file = file
        var variables = [(name: Array("site.baseurl".utf8), value: [UInt8]())]
        for (key, value) in frontMatter?.values ?? [:] { variables.append((Array("page.\(key)".utf8), Array(value.utf8))) }
        self.variables = variables
    }

    func process(_ body: Substring, firstLine: Int) -> Output {
        var copy = self
        copy.markdown.reserveCapacity(body.utf8.count / 2)
        copy.run(body, firstLine: firstLine)
        return Output(markdown: copy.markdown, sourceLines: copy.sourceLines, diagnostics: copy.diagnostics,
                      actionBlockLines: copy.actionBlockLines, codeBlocks: copy.codeBlocks)
    }

    private mutating func emit(_ line: Substring, from sourceLine: Int) {
        if isInCode {
            if codeLines.isEmpty { codeFirstLine = sourceLine }
            codeLines.append(line)
            return
        }
        markdown += line
        markdown += "\n"
        previousLine = line
        sourceLines.append(sourceLine)
    }

    private mutating func openCodeBlock(language: Substring, line: Int) {
        emit("", from: line)
        emit("```" + language, from: line)
        isInCode = true
        codeLines = []
        codeFirstLine = line
    }

    private mutating func closeCodeBlock(line: Int) {
        guard isInCode else { return }
        isInCode = false
        var text = ""
        text.reserveCapacity(codeLines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in codeLines {
            text += line
            text += "\n"
        }
        codeBlocks.append(CodeBlock(text: text, firstLine: codeFirstLine))
        codeLines = []
        emit(Substring(Self.placeholderPrefix + String(codeBlocks.count - 1)), from: codeFirstLine)
        emit("```", from: line)
        emit("", from: line)
    }

    private mutating func run(_ body: Substring, firstLine: Int) {
        var table = TableRepair(file: file)
        for (offset, rawLine) in body.lines().enumerated() {
            let lineNumber = firstLine + offset
            var line = rawLine
            // Most lines hold no Liquid, kramdown or HTML: one byte scan each rules the searches out.
            var hasBrace = line.containsByte(UInt8(ascii: "{"))
            if hasBrace, line.containsText("{{") {
                line = Substring(expandVariables(in: line, line: lineNumber))
                hasBrace = line.containsByte(UInt8(ascii: "{"))
            }
            if isInCode {
                if hasBrace, line.containsText("{%") { emitLiquidTags(in: line, line: lineNumber) } else { emit(line, from: lineNumber) }
                continue
            }
            if hasBrace, line.containsText("{::") { line = removeKramdownOptions(from: line) }
            if line.containsByte(UInt8(ascii: "<")), line.containsText("<div class=\"action\"") { actionBlockLines.append(lineNumber) }
            if hasBrace, line.containsText("{%") {
                emitLiquidTags(in: line, line: lineNumber)
                table.reset()
                continue
            }
            switch table.repair(line, line: lineNumber, previous: previousLine) {
            case .unchanged: emit(line, from: lineNumber)
            case .replaced(let lines): for output in lines { emit(output, from: lineNumber) }
            }
            if table.hasDiagnostics { diagnostics += table.takeDiagnostics() }
        }
        if isInCode {
            diagnostics.append(.warning("{% highlight %} block is never closed", file: file, line: codeFirstLine))
            closeCodeBlock(line: firstLine + max(sourceLines.count - 1, 0))
        }
    }

    /// `{{ site.baseurl }}` and `{{ page.* }}`; an unknown variable expands to nothing, with a warning.
    /// On the line's bytes: link lines hold four variables each, and String slicing cost more than cmark.
    private mutating func expandVariables(in line: Substring, line lineNumber: Int) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(line.utf8.count)
        var unknown: [String] = []
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                result.append(bytes[index])
                index += 1
                continue
            }
            // No `}}` after this `{{` means none after any later one either: the rest is text
            // (searching again from each `{` was quadratic on a line of braces).
            guard let close = Self.closingBraces(in: bytes, from: index + 2) else {
                result += bytes[index...]
                break
            }
            var nameStart = index + 2
            var nameEnd = close
            while nameStart < nameEnd, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 { nameStart += 1 }
            while nameEnd > nameStart, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            let name = bytes[nameStart..<nameEnd]
            if let variable = variables.first(where: { $0.name.elementsEqual(name) }) {
                result += variable.value
            } else {
                unknown.append(String(decoding: name, as: UTF8.self))
            }
            index = close + 2
        }
        for name in unknown {
            diagnostics.append(.warning("unknown Liquid variable '\(name)' expands to nothing", file: file, line: lineNumber))
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The index of the `}}` closing a `{{` whose name starts at `start`.
    private static func closingBraces(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") { return index }
            index += 1
        }
        return nil
    }

    private func removeKramdownOptions(from line: Substring) -> Substring {
        guard let start = line.firstRange(ofText: "{::"), let end = line.firstRange(ofText: "/}", from: start.upperBound) else { return line }
        return line[..<start.lowerBound] + line[end.upperBound...]
    }

    /// Emits a line holding `{% … %}` tags, opening or closing code blocks.
    /// The fence gets blank lines around it, or cmark would keep it inside the preceding HTML block.
    private mutating func emitLiquidTags(in line: Substring, line lineNumber: Int) {
        var rest = line
        while let open = rest.firstRange(ofText: "{%") {
            let before = rest[..<open.lowerBound]
            if !before.trimmingSpaces().isEmpty { emit(before, from: lineNumber) }
            guard let close = rest.firstRange(ofText: "%}", from: open.upperBound) else {
                diagnostics.append(.warning("unterminated Liquid tag", file: file, line: lineNumber))
                rest = rest[rest.endIndex...]
                break
            }
            let words = rest[open.upperBound..<close.lowerBound].split(separator: " ")
            switch words.first {
            case "highlight" where !isInCode:
                openCodeBlock(language: words.dropFirst().first ?? "", line: lineNumber)
            case "endhighlight" where isInCode:
                closeCodeBlock(line: lineNumber)
            default:
                let tag = words.first.map(String.init) ?? ""
                diagnostics.append(.warning("unsupported Liquid tag '\(tag)' ignored", file: file, line: lineNumber))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.trimmingSpaces().isEmpty { emit(rest, from: lineNumber) }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> SubSequence {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start {
            let last = bytes.index(before: end)
            guard bytes[last] == 0x20 || bytes[last] == 0x09 else { break }
            end = last
        }
        return self[start..<end]
    }
}
