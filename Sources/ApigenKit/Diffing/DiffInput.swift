import Foundation

/// Reads one side of `apigen diff`: a docs set folder (or page) through `DocsSetLoader`, or an IR JSON file
/// written by `apigen dump`.
public enum DiffInput {
    /// Throws when the input cannot be read, is not an IR of a supported version, or has pages with errors
    /// (a diff against half-read pages would report changes that are not there).
    public static func load(_ path: String) throws(DiagnosticError) -> APIDocument {
        let url = URL(fileURLWithPath: path)
        let document = url.pathExtension.lowercased() == "json" ? try decodeIR(url) : try DocsSetLoader.load(url)
        if let error = document.diagnostics.first(where: { $0.severity == .error }) {
            throw DiagnosticError(error)
        }
        return document
    }

    static func decodeIR(_ url: URL) throws(DiagnosticError) -> APIDocument {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticError(.error("cannot read the file", file: url.path))
        }
        let document: APIDocument
        do {
            document = try CanonicalJSON.decode(APIDocument.self, from: data)
        } catch {
            throw DiagnosticError(.error("not an IR JSON file from apigen dump: \(error)", file: url.path))
        }
        guard document.irVersion == APIDocument.currentIRVersion else {
            throw DiagnosticError(.error(
                "IR version \(document.irVersion) is not supported (expected \(APIDocument.currentIRVersion))", file: url.path))
        }
        return document
    }
}
