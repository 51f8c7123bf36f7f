import ApigenTemplates
import Foundation
import Mustache

/// The Mustache templates the emitter renders: the built-in ones, each replaceable by a file of the same
/// relative name in the user's templates folder.
struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// Relative names (`Swift/Model.swift`, `DocC/Article.md`), without `.mustache`.
    let names: [String]
    /// Each template's text, by name.
    let sources: [String: String]
    /// The user's templates: their files, by the name of the template they replace.
    let overrides: [String: URL]

    init(overrides: URL?) throws(DiagnosticError) {
        var sources: [String: String] = [:]
        var overrideFiles: [String: URL] = [:]
        guard let builtIn = BuiltInTemplates.directory else {
            throw DiagnosticError(.error("the built-in templates are missing from this installation", file: "Templates"))
        }
        for (name, text) in try Self.templates(in: builtIn) { sources[name] = text }
        if let overrides {
            let user = try Self.templates(in: overrides)
            guard !user.isEmpty else {
                throw DiagnosticError(.error("no *.mustache templates in the templates folder", file: overrides.path))
            }
            for (name, text) in user {
                guard sources[name] != nil else {
                    if name.hasPrefix("Runtime/") || name.hasPrefix("RuntimeTests/") {
                        throw DiagnosticError(.error(
                            "'\(name).mustache': the runtime is no longer a template but apigen's RancherRuntime module, "
                                + "copied into the package as it is (docs/runtime.md); remove this file",
                            file: overrides.appendingPathComponent(name + ".mustache").path))
                    }
                    throw DiagnosticError(.error(
                        "'\(name).mustache' does not replace a built-in template (see Templates/README.md for their names)",
                        file: overrides.appendingPathComponent(name + ".mustache").path))
                }
                sources[name] = text
                overrideFiles[name] = overrides.appendingPathComponent(name + ".mustache")
            }
        }
        // Parsing the templates was a tenth of a generation: both cores share it, the largest first.
        let parsed = ConcurrentMap.map(Array(sources), heaviestFirst: { $0.value.utf8.count }) { name, text in
            (name, Result { try MustacheTemplate(string: text) })
        }
        var library = MustacheLibrary()
        for (name, template) in parsed.sorted(by: { $0.0 < $1.0 }) {
            do {
                library.register(try template.get(), named: name)
            } catch {
                throw DiagnosticError(.error("template does not parse: \(error)", file: name + ".mustache"))
            }
        }
        self.library = library
        names = sources.keys.sorted()
        self.sources = sources
        self.overrides = overrideFiles
    }

    /// The keys of template `name` that no context answers (`TemplateKeyCheck`).
    func keyProblems(inTemplate name: String) -> [TemplateKeyCheck.Problem] {
        guard let text = sources[name], let context = TemplateKeyCheck.context(ofTemplate: name) else { return [] }
        return TemplateKeyCheck.problems(in: text, template: name, context: context, partials: sources)
    }

    /// A warning for every key of the user's templates that no context answers: it would render as nothing.
    /// (The built-in templates are checked by a test.) A partial is checked where a template includes it.
    func overrideWarnings() -> [Diagnostic] {
        guard !overrides.isEmpty else { return [] }
        var warnings: [Diagnostic] = []
        for name in names where TemplateKeyCheck.context(ofTemplate: name) != nil {
            // A problem is the user's when its tag is in their file, or in a built-in partial their template includes.
            for problem in keyProblems(inTemplate: name) where overrides[problem.template] != nil || overrides[name] != nil {
                // The line is the tag's, in the partial's own file when the tag is in a partial.
                let file = overrides[problem.template]?.path ?? "\(problem.template).mustache (built in, included by \(name))"
                warnings.append(.warning(problem.message, file: file, line: problem.line))
            }
        }
        return Array(Set(warnings)).sorted()
    }

    func render(_ context: Any, template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Every `*.mustache` below `folder`, by relative name without the extension.
    private static func templates(in folder: URL) throws(DiagnosticError) -> [(String, String)] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(.error("no such templates folder", file: folder.path))
        }
        let root = folder.standardizedFileURL.path
        var result: [(String, String)] = []
        for relative in templatePaths(in: folder) {
            let path = root + "/" + relative
            guard let data = FileBytes.read(path), let text = String(validating: data, as: UTF8.self) else {
                throw DiagnosticError(.error("template is not readable UTF-8 text", file: path))
            }
            result.append((String(relative.dropLast(".mustache".count)), text))
        }
        return result
    }

    /// The `*.mustache` files below `folder`, as sorted relative paths.
    static func templatePaths(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.standardizedFileURL.path)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".mustache") { paths.append(relative) }
        }
        return paths.sorted()
    }
}
