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
    let variables: [String: String]

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
        var variables = ["site.baseurl": ""]
        for (key, value) in frontMatter?.values ?? [:] { variables["page.\(key)"] = value }
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
        codeBlocks.append(CodeBlock(text: codeLines.joined(separator: "\n") + "\n", firstLine: codeFirstLine))
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
            for output in table.repair(line, line: lineNumber, previous: previousLine) { emit(output, from: lineNumber) }
            diagnostics += table.takeDiagnostics()
        }
        if isInCode {
            diagnostics.append(.warning("{% highlight %} block is never closed", file: file, line: codeFirstLine))
            closeCodeBlock(line: firstLine + max(sourceLines.count - 1, 0))
        }
    }

    /// `{{ site.baseurl }}` and `{{ page.* }}`; an unknown variable expands to nothing, with a warning.
    private mutating func expandVariables(in line: Substring, line lineNumber: Int) -> String {
        var result = ""
        var rest = line[...]
        while let open = rest.firstRange(ofText: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest.firstRange(ofText: "}}", from: open.upperBound) else {
                result += rest[open.lowerBound...]
                return result
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            if let value = variables[String(name)] {
                result += value
            } else {
                diagnostics.append(.warning("unknown Liquid variable '\(name)' expands to nothing", file: file, line: lineNumber))
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
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
