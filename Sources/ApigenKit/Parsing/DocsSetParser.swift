import Foundation
import Synchronization

/// Finds the pages of a docs set and reads them, in parallel, into `ParsedPage`s.
public enum DocsSetParser {
    /// A page file found in the docs folder.
    struct PageFile: Sendable {
        /// The file's path (paths, not URLs: building a URL per page cost more than listing the folder).
        var path: String
        /// Relative to the docs folder, as diagnostics and `source` show it.
        var relativePath: String
        var name: String
        var format: PageParser.Format
        var origin: APIType.Origin
        /// From the listing's `stat`: the largest pages are parsed first.
        var byteCount = 0
        /// The bytes, when something read them already (the generator's input fingerprint): the page
        /// is parsed from exactly what was fingerprinted, and read once.
        var contents: [UInt8]?
    }

    struct Result: Sendable {
        var pages: [ParsedPage]
        var diagnostics: [Diagnostic]
        var timings: StageTimings
        var bytes: Int
    }

    /// Lists the pages: `api-resources/<name>/index.md|html` and `common/index.*` in a docs set folder
    /// (the one holding `api-resources/`), else `*.md`, `*.html` and `<name>/index.*` in any folder.
    static func pageFiles(in folder: URL) throws(DiagnosticError) -> [PageFile] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw DiagnosticError(.error("no such file or directory", file: folder.path))
        }
        guard isDirectory.boolValue else {
            guard var page = pageFile(folder.path, relativePath: folder.lastPathComponent, origin: .page) else {
                throw DiagnosticError(.error("not a docs page (.md or .html) or a folder of pages", file: folder.path))
            }
            page.byteCount = FileBytes.size(folder.path) ?? 0
            return [page]
        }
        let resources = folder.appendingPathComponent("api-resources").path
        var pages: [PageFile] = []
        if fileManager.fileExists(atPath: resources) {
            pages += entries(in: resources, prefix: "api-resources/", skipRootIndex: true)
            let common = folder.appendingPathComponent("common").path
            pages += entries(in: common, prefix: "common/", skipRootIndex: false).filter { $0.name == "index" }.map {
                var page = $0
                page.name = "common"
                page.origin = .common
                return page
            }
        } else {
            let sets = docsSets(in: folder)
            guard sets.isEmpty else {
                // `rancher/v1.6/en/api` holds `v1/` and `v2-beta/`: read as pages, it made an SDK of two index pages.
                throw DiagnosticError(.error(
                    "this folder holds docs sets, not pages; choose one: " + sets.joined(separator: ", "), file: folder.path))
            }
            pages = entries(in: folder.path, prefix: "", skipRootIndex: true)
        }
        return deduplicated(pages).sorted { $0.relativePath < $1.relativePath }
    }

    /// The subfolders that are docs sets (they hold `api-resources/`), sorted.
    private static func docsSets(in folder: URL) -> [String] {
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return children.filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("api-resources").path)
        }.sorted()
    }

    private static func entries(in folderPath: String, prefix: String, skipRootIndex: Bool) -> [PageFile] {
        guard let entries = FileBytes.entries(of: folderPath) else { return [] }
        var pages: [PageFile] = []
        for (entry, isFolder) in entries {
            let path = folderPath + "/" + entry
            if isFolder {
                // The usual case first: one check per folder.
                let candidates = ["index.md", "index.html", "index.markdown", "index.htm"]
                for index in candidates {
                    let indexPath = path + "/" + index
                    if let byteCount = FileBytes.size(indexPath),
                       var page = pageFile(indexPath, relativePath: prefix + entry + "/" + index, origin: .page) {
                        page.name = entry
                        page.byteCount = byteCount
                        pages.append(page)
                        if index == "index.md" { break }  // the Markdown source wins anyway
                    }
                }
            } else if var page = pageFile(path, relativePath: prefix + entry, origin: .page),
                      let byteCount = FileBytes.size(path) {  // regular files only
                if skipRootIndex, page.name == "index" { continue }
                page.byteCount = byteCount
                pages.append(page)
            }
        }
        return pages
    }

    private static func pageFile(_ path: String, relativePath: String, origin: APIType.Origin) -> PageFile? {
        let fileName = path.split(separator: "/").last ?? ""
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        let format: PageParser.Format
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "md", "markdown": format = .markdown
        case "html", "htm": format = .html
        default: return nil
        }
        return PageFile(path: path, relativePath: relativePath, name: String(fileName[..<dot]), format: format, origin: origin)
    }

    /// One page per name: the Markdown source wins over a published HTML copy.
    private static func deduplicated(_ pages: [PageFile]) -> [PageFile] {
        var byName: [String: PageFile] = [:]
        for page in pages {
            if let existing = byName[page.name], existing.format == .markdown { continue }
            byName[page.name] = page
        }
        return Array(byName.values)
    }

    /// Reads every page, in parallel; the order of the result follows `files`.
    static func read(_ files: [PageFile]) -> Result {
        let byteCount = Atomic<Int>(0)
        let frontMatterCache = FrontMatter.Cache()
        let collected = ConcurrentMap.map(files, heaviestFirst: \.byteCount) { file -> PageParser.Result in
            var fileTimings = StageTimings()
            var result: PageParser.Result
            if let bytes = fileTimings.measure(.read, { file.contents ?? FileBytes.read(file.path) }) {
                result = PageParser.read(bytes: bytes, name: file.name, file: file.relativePath, format: file.format,
                                         origin: file.origin, frontMatterCache: frontMatterCache)
                byteCount.add(bytes.count, ordering: .relaxed)
            } else {
                result = PageParser.Result(page: nil, diagnostics: [.error("cannot read the file", file: file.relativePath)])
            }
            result.timings.add(fileTimings)
            return result
        }
        var timings = StageTimings()
        for result in collected { timings.add(result.timings) }
        return Result(pages: collected.compactMap(\.page), diagnostics: collected.flatMap(\.diagnostics), timings: timings,
                      bytes: byteCount.load(ordering: .relaxed))
    }
}
