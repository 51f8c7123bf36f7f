import Foundation

/// Reads one page file (Markdown or HTML) into a `ParsedPage`, collecting diagnostics on the way.
enum PageParser {
    enum Format { case markdown, html }

    struct Result: Sendable {
        var page: ParsedPage?
        var diagnostics: [Diagnostic]
        var timings = StageTimings()
    }

    /// - Parameters:
    ///   - name: the schema id (folder or file name).
    ///   - file: the path shown in diagnostics, relative to the docs set.
    static func read(data: Data, name: String, file: String, format: Format, origin: APIType.Origin = .page) -> Result {
        read(bytes: [UInt8](data), name: name, file: file, format: format, origin: origin)
    }

    static func read(
        bytes: [UInt8], name: String, file: String, format: Format, origin: APIType.Origin = .page,
        frontMatterCache: FrontMatter.Cache? = nil, sourcePositions: Bool = false
    ) -> Result {
        var timings = StageTimings()
        var result = read(bytes: bytes, name: name, file: file, format: format, origin: origin,
                          cache: frontMatterCache, sourcePositions: sourcePositions, timings: &timings)
        result.timings = timings
        return result
    }

    private static func read(
        bytes: [UInt8], name: String, file: String, format: Format, origin: APIType.Origin, cache: FrontMatter.Cache?,
        sourcePositions: Bool, timings: inout StageTimings
    ) -> Result {
        var text: String
        switch timings.measure(.read, { PageTextDecoder.text(from: bytes) }) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            return Result(page: nil, diagnostics: [.error(failure.message, file: file, line: failure.line)])
        }
        if format == .html { text = DocumentText.straighteningQuotes(text) }
        var diagnostics: [Diagnostic] = []
        let frontMatter: FrontMatter?
        let body: Substring
        do {
            (frontMatter, body) = try timings.measure(.frontMatter) { () throws(FrontMatter.Failure) in try FrontMatter.split(text, cache: cache) }
        } catch {
            switch error {
            case .unterminated:
                return Result(page: nil, diagnostics: [.error("front matter has no closing '---' line", file: file, line: 1)])
            case .invalidYAML(let line, let message):
                return Result(page: nil, diagnostics: [.error("invalid YAML front matter: \(message)", file: file, line: line)])
            }
        }
        if frontMatter == nil, format == .markdown {
            diagnostics.append(.warning("page has no front matter; Liquid page variables expand to nothing", file: file, line: 1))
        }

        /// A page over one of the input limits is not read at all.
        func refused(_ reason: String, line: Int = 1) -> Result {
            Result(page: nil, diagnostics: diagnostics + [.error(reason, file: file, line: line)])
        }
        let bodyLine = (frontMatter?.lineCount ?? 0) + 1
        if let crowded = InputLimits.lineOfCrowdedTag(in: body) {
            return refused("a tag with more than \(InputLimits.attributesPerTag) attributes; the page is not read",
                           line: bodyLine + crowded - 1)
        }
        let document: HTMLDocument?
        let sourceLines: PageExtractor.SourceLines
        switch format {
        case .markdown:
            let prepared = timings.measure(.preprocess) {
                MarkdownPreprocessor(file: file, frontMatter: frontMatter).process(body, firstLine: bodyLine)
            }
            diagnostics += prepared.diagnostics
            guard prepared.markdown.utf8.count <= InputLimits.markdownByteCount else {
                return refused("the page has more than \(InputLimits.markdownByteCount / 1024) KiB of Markdown outside code blocks; not read")
            }
            if let deep = InputLimits.lineNestedTooDeep(in: prepared.markdown) {
                return refused("blocks nested more than \(InputLimits.nestingDepth) deep; the page is not read",
                               line: prepared.pageLine(forMarkdownLine: deep))
            }
            if let excess = InputLimits.tableCellExcess(in: prepared.markdown) {
                return refused(excess.reason, line: prepared.pageLine(forMarkdownLine: excess.line))
            }
            let rendered = render(prepared.markdown, sourcePositions: sourcePositions, timings: &timings)
            document = rendered?.document
            sourceLines = .markdown(prepared, rendered?.lineMap ?? .sourcePositions)
        case .html:
            guard body.utf8.count <= InputLimits.htmlByteCount else {
                return refused("the page has more than \(InputLimits.htmlByteCount / 1024) KiB of HTML; not read")
            }
            document = timings.measure(.parseHTML) { HTMLDocument(html: String(body)) }
            sourceLines = .html
        }
        guard let document else {
            return Result(page: nil, diagnostics: diagnostics + [.error("the page could not be parsed as HTML", file: file)])
        }
        var extractor = PageExtractor(name: name, file: file, frontMatter: frontMatter, sourceLines: sourceLines)
        guard var page = timings.measure(.extract, { extractor.extract(from: document) }) else {
            return Result(page: nil, diagnostics: diagnostics + extractor.diagnostics + [
                .error("no '## ' heading: not an API page", file: file, line: (frontMatter?.lineCount ?? 0) + 1)
            ])
        }
        diagnostics += extractor.diagnostics
        page.origin = origin
        page.kind = kind(of: page, diagnostics: &diagnostics)
        return Result(page: page, diagnostics: diagnostics)
    }

    /// Renders without `data-sourcepos` and pairs the elements with cmark's block lines; a page whose raw
    /// HTML spoils the pairing is rendered again with the attributes (`sourcePositions` forces that).
    private static func render(
        _ markdown: String, sourcePositions: Bool, timings: inout StageTimings
    ) -> (document: HTMLDocument, lineMap: MarkdownLineMap)? {
        if !sourcePositions {
            let rendered = timings.measure(.render) { MarkdownRenderer.render(markdown) }
            guard let document = timings.measure(.parseHTML, { rendered.withHTML(HTMLDocument.init(html:)) }) else { return nil }
            if let lineMap = timings.measure(.extract, { MarkdownLineMap.pairing(rendered.blockLines, with: document) }) {
                return (document, lineMap)
            }
        }
        let rendered = timings.measure(.render) { MarkdownRenderer.render(markdown, sourcePositions: true) }
        guard let document = timings.measure(.parseHTML, { rendered.withHTML(HTMLDocument.init(html:)) }) else { return nil }
        return (document, .sourcePositions)
    }

    /// Resource pages title-case the id in their heading (`## NetworkDriverService`); type pages
    /// print the raw id (`## serviceRestart`) and have the front-matter title `API`.
    private static func kind(of page: ParsedPage, diagnostics: inout [Diagnostic]) -> APIType.Kind {
        if page.origin == .common { return .type }
        if !page.operations.isEmpty || !page.actions.isEmpty { return .resource }
        if page.heading == page.name, page.name.first?.isLowercase ?? true { return .type }
        if page.heading.lowercased() == page.name.lowercased() {
            return page.heading == page.name ? (page.frontMatter?.title == "API" ? .type : .resource) : .resource
        }
        diagnostics.append(.warning(
            "heading '\(page.heading)' does not name the page '\(page.name)'", file: page.file, line: page.headingLine))
        return page.frontMatter?.title == "API" ? .type : .resource
    }
}
