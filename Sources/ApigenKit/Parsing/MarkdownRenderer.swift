import Foundation
import CCmarkGFM

/// Renders GitHub-flavoured Markdown (with tables) to HTML through cmark-gfm.
///
/// Raw HTML is kept (`CMARK_OPT_UNSAFE`): the docs' Operations and Actions are `<div>` blocks.
enum MarkdownRenderer {
    /// The HTML of a page and the Markdown line of each element diagnostics point at.
    final class Rendered {
        /// cmark's own NUL-terminated buffer, handed to libxml2 without a copy into a Swift string.
        private let buffer: UnsafeMutablePointer<CChar>?
        let byteCount: Int
        /// From cmark's tree, not from `data-sourcepos` attributes: those are on every block and table
        /// cell, and reading them through libxml2 cost a fifth of both libraries' time.
        let blockLines: BlockLines

        fileprivate init(buffer: UnsafeMutablePointer<CChar>?, blockLines: BlockLines) {
            self.buffer = buffer
            byteCount = buffer.map { strlen($0) } ?? 0
            self.blockLines = blockLines
        }

        deinit { free(buffer) }

        func withHTML<Result>(_ body: (UnsafeBufferPointer<CChar>) -> Result) -> Result {
            body(UnsafeBufferPointer(start: buffer, count: byteCount))
        }
    }

    /// The start lines of the blocks that become `<table>`, `<tr>`, `<pre>` and `<h1>`…`<h6>`, per element
    /// kind (a slot), in document order: the k-th such element in the HTML is the k-th block of its kind.
    struct BlockLines: Equatable {
        static let table = 0, tableRow = 1, codeBlock = 2
        static func heading(level: Int) -> Int { 2 + level }
        static let slotCount = 9

        var lines = Array(repeating: [Int](), count: slotCount)
    }

    /// `cmark_gfm_core_extensions_ensure_registered` is not thread-safe: run it exactly once
    /// (a lazy static is initialised once, atomically). The extension itself is immutable afterwards.
    nonisolated(unsafe) private static let tableExtension: OpaquePointer? = {
        cmark_gfm_core_extensions_ensure_registered()
        return cmark_find_syntax_extension("table")
    }()

    /// - Parameter sourcePositions: add `data-sourcepos` to every block element, for pages whose raw
    ///   HTML makes the elements and `blockLines` pair up wrongly.
    static func render(_ markdown: String, sourcePositions: Bool = false) -> Rendered {
        let options = CMARK_OPT_UNSAFE | (sourcePositions ? CMARK_OPT_SOURCEPOS : 0)
        guard let parser = cmark_parser_new(options) else { return Rendered(buffer: nil, blockLines: BlockLines()) }
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
        guard let document = cmark_parser_finish(parser) else { return Rendered(buffer: nil, blockLines: BlockLines()) }
        defer { cmark_node_free(document) }
        var blockLines = BlockLines()
        collectBlockLines(below: document, into: &blockLines)
        let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        return Rendered(buffer: rendered, blockLines: blockLines)
    }

    /// Walks the block containers only: inline nodes never become the elements recorded. Iterative, with
    /// cmark's own parent links: a page of 100,000 nested `>` quotes is a legal (if hostile) input.
    private static func collectBlockLines(below root: OpaquePointer, into lines: inout BlockLines) {
        var next = cmark_node_first_child(root)
        while let node = next {
            let line = Int(cmark_node_get_start_line(node))
            var descends = false
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                lines.lines[BlockLines.heading(level: Int(cmark_node_get_heading_level(node)))].append(line)
            case CMARK_NODE_CODE_BLOCK:
                lines.lines[BlockLines.codeBlock].append(line)
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                descends = true
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                break
            default:
                // The table extension's node types are not in the public headers; their names are.
                switch cmark_node_get_type_string(node).map({ String(cString: $0) }) {
                case "table":
                    lines.lines[BlockLines.table].append(line)
                    descends = true
                case "table_header", "table_row":  // the header row is a node type of its own
                    lines.lines[BlockLines.tableRow].append(line)
                default:
                    break
                }
            }
            if descends, let child = cmark_node_first_child(node) {
                next = child
                continue
            }
            // The next sibling, else the nearest ancestor's (below the root).
            var current: OpaquePointer? = node
            next = nil
            while let candidate = current, candidate != root {
                if let sibling = cmark_node_next(candidate) {
                    next = sibling
                    break
                }
                current = cmark_node_parent(candidate)
            }
        }
    }
}
