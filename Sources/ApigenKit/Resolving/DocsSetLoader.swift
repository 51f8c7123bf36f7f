import Foundation

/// The front door of the library: reads a docs folder into the IR.
public enum DocsSetLoader {
    public struct Options: Sendable {
        /// Report warnings as errors.
        public var strict = false
        public init(strict: Bool = false) { self.strict = strict }
    }

    /// What a load measured, for `--verbose` and the benchmark.
    public struct Metrics: Sendable {
        public var pages: Int
        public var bytes: Int
        public var timings: StageTimings
    }

    /// Reads `folder` (a docs set or any folder of pages). Problems with single pages are diagnostics in the
    /// result; a folder that cannot be read at all throws.
    public static func load(_ folder: URL, options: Options = Options()) throws(DiagnosticError) -> APIDocument {
        try loadMeasured(folder, options: options).document
    }

    public static func loadMeasured(
        _ folder: URL, options: Options = Options()
    ) throws(DiagnosticError) -> (document: APIDocument, metrics: Metrics) {
        try loadMeasured(folder, options: options, listed: nil)
    }

    /// - Parameter listed: the folder's pages when the caller listed (and maybe read) them already.
    static func loadMeasured(
        _ folder: URL, options: Options, listed: [DocsSetParser.PageFile]?
    ) throws(DiagnosticError) -> (document: APIDocument, metrics: Metrics) {
        var listing = StageTimings()
        let files: [DocsSetParser.PageFile]
        if let listed {
            files = listed
        } else {
            files = try listing.measure(.list) { () throws(DiagnosticError) in try DocsSetParser.pageFiles(in: folder) }
        }
        guard !files.isEmpty else {
            throw DiagnosticError(.error("no docs pages (*.md, *.html, <name>/index.md) in this folder", file: folder.path))
        }
        let read = DocsSetParser.read(files)
        var timings = read.timings
        timings.add(listing)
        var resolver = timings.measure(.resolve) { LinkResolver(pages: read.pages) }
        var inference = timings.measure(.resolve) {
            NestedTypeInference(types: resolver.resolveTypes(), evidence: resolver.evidence, reportedMissing: resolver.missingTargets)
        }
        let types = timings.measure(.resolve) { inference.resolve() }
        var diagnostics = (read.diagnostics + resolver.diagnostics + inference.diagnostics).sorted()
        if options.strict {
            diagnostics = diagnostics.map {
                var error = $0
                error.severity = .error
                return error
            }
        }
        let frontMatters = read.pages.compactMap(\.frontMatter)
        let document = APIDocument(
            docsVersion: frontMatters.lazy.compactMap(\.version).first,
            apiVersion: frontMatters.lazy.compactMap(\.apiVersion).first,
            types: types, diagnostics: diagnostics)
        return (document, Metrics(pages: files.count, bytes: read.bytes, timings: timings))
    }
}
