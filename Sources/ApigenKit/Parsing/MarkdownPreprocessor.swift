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

        /// Maps a line of the preprocessed Markdown (1-based, as cmark's `data-sourcepos`) to the page line.
        func pageLine(forMarkdownLine line: Int) -> Int {
            guard !sourceLines.isEmpty else { return 0 }
            return sourceLines[min(max(line, 1), sourceLines.count) - 1]
        }
    }

    let file: String
    let variables: [String: String]

    private var lines: [String] = []
    private var sourceLines: [Int] = []
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
        copy.run(body, firstLine: firstLine)
        return Output(markdown: copy.lines.joined(separator: "\n") + "\n", sourceLines: copy.sourceLines,
                      diagnostics: copy.diagnostics, actionBlockLines: copy.actionBlockLines)
    }

    private mutating func emit(_ line: some StringProtocol, from sourceLine: Int) {
        lines.append(String(line))
        sourceLines.append(sourceLine)
    }

    private mutating func run(_ body: Substring, firstLine: Int) {
        var table = TableRepair(file: file)
        var inFence = false
        for (offset, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = firstLine + offset
            var line = expandVariables(in: rawLine, line: lineNumber)
            line = removeKramdownOptions(from: line)
            if !inFence, line.contains("<div class=\"action\"") { actionBlockLines.append(lineNumber) }
            if !inFence, line.contains("{%") {
                inFence = emitLiquidTags(in: line, line: lineNumber)
                table.reset()
                continue
            }
            if inFence {
                if line.contains("{%") {
                    inFence = emitLiquidTags(in: line, line: lineNumber, inFence: true)
                } else {
                    emit(line, from: lineNumber)
                }
                continue
            }
            for output in table.repair(line, line: lineNumber, previous: lines.last) { emit(output, from: lineNumber) }
            diagnostics += table.takeDiagnostics()
        }
    }

    /// `{{ site.baseurl }}` and `{{ page.* }}`; an unknown variable expands to nothing, with a warning.
    private mutating func expandVariables(in line: Substring, line lineNumber: Int) -> String {
        guard line.contains("{{") else { return String(line) }
        var result = ""
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
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

    private func removeKramdownOptions(from line: String) -> String {
        guard let start = line.range(of: "{::"), let end = line[start.upperBound...].range(of: "/}") else { return line }
        return String(line[..<start.lowerBound] + line[end.upperBound...])
    }

    /// Emits a line holding `{% … %}` tags; returns whether a fenced block is open after it.
    /// The fence gets blank lines around it, or cmark would keep it inside the preceding HTML block.
    private mutating func emitLiquidTags(in line: String, line lineNumber: Int, inFence: Bool = false) -> Bool {
        var inFence = inFence
        var rest = line[...]
        while let open = rest.range(of: "{%") {
            let before = rest[..<open.lowerBound]
            if !before.trimmingSpaces().isEmpty { emit(before, from: lineNumber) }
            guard let close = rest[open.upperBound...].range(of: "%}") else {
                diagnostics.append(.warning("unterminated Liquid tag", file: file, line: lineNumber))
                rest = rest[rest.endIndex...]
                break
            }
            let words = rest[open.upperBound..<close.lowerBound].split(separator: " ")
            switch words.first {
            case "highlight" where !inFence:
                emit("", from: lineNumber)
                emit("```" + (words.dropFirst().first ?? ""), from: lineNumber)
                inFence = true
            case "endhighlight" where inFence:
                emit("```", from: lineNumber)
                emit("", from: lineNumber)
                inFence = false
            default:
                let tag = words.first.map(String.init) ?? ""
                diagnostics.append(.warning("unsupported Liquid tag '\(tag)' ignored", file: file, line: lineNumber))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.trimmingSpaces().isEmpty { emit(rest, from: lineNumber) }
        return inFence
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
