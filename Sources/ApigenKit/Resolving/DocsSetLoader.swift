import Foundation

/// The front door of the library: reads a docs folder into the IR.
public enum DocsSetLoader {
    public struct Options: Sendable {
        /// Report warnings as errors.
        public var strict = false
        public init(strict: Bool = false) { self.strict = strict }
    }

    /// Reads `folder` (a docs set or any folder of pages). Problems with single pages are diagnostics in the
    /// result; a folder that cannot be read at all throws.
    public static func load(_ folder: URL, options: Options = Options()) throws(DiagnosticError) -> APIDocument {
        let files = try DocsSetReader.pageFiles(in: folder)
        guard !files.isEmpty else {
            throw DiagnosticError(.error("no docs pages (*.md, *.html, <name>/index.md) in this folder", file: folder.path))
        }
        let read = DocsSetReader.read(files)
        var resolver = LinkResolver(pages: read.pages)
        let types = resolver.resolveTypes()
        var diagnostics = (read.diagnostics + resolver.diagnostics).sorted()
        if options.strict {
            diagnostics = diagnostics.map { Diagnostic(severity: .error, file: $0.file, line: $0.line, message: $0.message) }
        }
        let frontMatters = read.pages.compactMap(\.frontMatter)
        return APIDocument(
            docsVersion: frontMatters.lazy.compactMap(\.version).first,
            apiVersion: frontMatters.lazy.compactMap(\.apiVersion).first,
            types: types, diagnostics: diagnostics)
    }
}
