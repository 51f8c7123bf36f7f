import Foundation
import CCmarkGFM

/// Renders GitHub-flavoured Markdown (with tables) to HTML through cmark-gfm.
///
/// Raw HTML is kept (`CMARK_OPT_UNSAFE`): the docs' Operations and Actions are `<div>` blocks.
/// Block elements carry `data-sourcepos` so diagnostics can point at Markdown lines.
enum MarkdownRenderer {
    /// `cmark_gfm_core_extensions_ensure_registered` is not thread-safe: run it exactly once
    /// (a lazy static is initialised once, atomically). The extension itself is immutable afterwards.
    nonisolated(unsafe) private static let tableExtension: OpaquePointer? = {
        cmark_gfm_core_extensions_ensure_registered()
        return cmark_find_syntax_extension("table")
    }()

    static func html(fromMarkdown markdown: String) -> String {
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_SOURCEPOS
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        if let tableExtension {
            cmark_parser_attach_syntax_extension(parser, tableExtension)
        }
        var markdown = markdown
        markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
