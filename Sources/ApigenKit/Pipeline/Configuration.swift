import Foundation
import Yams

/// `apigen.yml`: every key optional; an unknown key is an error that names it (a typo must not be ignored).
///
/// ```yaml
/// moduleName: RancherSDK
/// access: internal
/// include: [service, host]        # and the types they embed, take as input or return
/// exclude: [auditLog]
/// names: { service: RancherService }
/// templates: templates/           # relative to this file
/// params: { company: Acme }        # custom templates read {{params.company}}
/// ```
public struct Configuration: Sendable, Hashable {
    public var moduleName: String?
    public var access: EmitOptions.AccessLevel?
    public var include: [String]?
    public var exclude: [String] = []
    /// Swift type names by API type name.
    public var names: [String: String] = [:]
    public var templates: URL?
    /// Values for custom templates, which read them as `params.<name>`.
    public var params: [String: String] = [:]

    public init() {}

    static let keys = ["moduleName", "access", "include", "exclude", "names", "templates", "params"]

    public static func load(_ url: URL) throws(DiagnosticError) -> Configuration {
        let file = url.path
        guard let bytes = FileBytes.read(file) else { throw DiagnosticError(.error("cannot read the configuration file", file: file)) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(.error("the configuration file is not UTF-8 text", file: file))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            throw DiagnosticError(.error("invalid YAML: \(error)", file: file, line: 1))
        }
        var configuration = Configuration()
        guard let root else { return configuration }
        guard let mapping = root.mapping else { throw DiagnosticError(.error("expected a mapping of keys to values", file: file, line: 1)) }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = (keyNode.mark?.line ?? 0)
            func fail(_ message: String) -> DiagnosticError { DiagnosticError(.error(message, file: file, line: line)) }
            switch key {
            case "moduleName":
                guard let name = value.string, SwiftNames.isValidModuleName(name) else { throw fail("moduleName must be a Swift identifier") }
                configuration.moduleName = name
            case "access":
                guard let level = value.string.flatMap(EmitOptions.AccessLevel.init) else { throw fail("access must be public or internal") }
                configuration.access = level
            case "include", "exclude":
                guard let list = value.sequence?.compactMap(\.string), list.count == value.sequence?.count else {
                    throw fail("\(key) must be a list of API type names")
                }
                if key == "include" { configuration.include = list } else { configuration.exclude = list }
            case "names":
                guard let pairs = value.mapping else { throw fail("names must map API type names to Swift type names") }
                for (apiName, swiftName) in pairs {
                    guard let apiName = apiName.string, let swiftName = swiftName.string,
                          SwiftNames.isValidModuleName(swiftName), !SwiftNames.reservedTypeNames.contains(swiftName)
                    else { throw fail("names: '\(swiftName.string ?? "")' is not a usable Swift type name") }
                    configuration.names[apiName] = swiftName
                }
            case "params":
                guard let pairs = value.mapping else { throw fail("params must map names to values") }
                for (name, parameter) in pairs {
                    // A name with a dot could never be read: `params.a.b` looks for `b` inside `a`.
                    guard let name = name.string, !name.isEmpty, !name.contains("."), let text = parameter.scalar?.string else {
                        throw DiagnosticError(.error("params: each entry maps a name without dots to a text, number or boolean",
                                                     file: file, line: (name.mark?.line ?? line)))
                    }
                    configuration.params[name] = text
                }
            case "templates":
                guard let path = value.string else { throw fail("templates must be a folder path") }
                configuration.templates = URL(fileURLWithPath: path, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
            default:
                throw fail("unknown key '\(key)' (known keys: \(keys.joined(separator: ", ")))")
            }
        }
        return configuration
    }
}

/// Keeps the types a user asked for (`include`, with everything they embed, take or return) and drops
/// the excluded ones; references to dropped types become plain IDs.
public enum TypeSelection {
    /// Every key of `names:` must be a type of the API: a misspelt key would otherwise rename nothing, silently.
    public static func checkNames(_ names: [String: String], in document: APIDocument) throws(DiagnosticError) {
        let known = Set(document.types.map(\.name))
        for name in names.keys.sorted() where !known.contains(name) {
            throw DiagnosticError(.error(
                "names: '\(name)' is no type of the API" + ClosestName.suggestion(for: name, in: known), file: "apigen.yml"))
        }
    }

    public static func apply(include: [String]?, exclude: [String], to document: APIDocument) throws(DiagnosticError) -> APIDocument {
        let known = Set(document.types.map(\.name))
        for name in (include ?? []) + exclude where !known.contains(name) {
            throw DiagnosticError(.error(
                "unknown type '\(name)' in include/exclude" + ClosestName.suggestion(for: name, in: known), file: "apigen.yml"))
        }
        var kept = known
        if let include {
            let byName = Dictionary(document.types.map { ($0.name, $0) }) { first, _ in first }
            var needed = Set<String>()
            var queue = include
            while let name = queue.popLast() {
                guard needed.insert(name).inserted, let type = byName[name] else { continue }
                for field in type.fields + type.actions.flatMap(\.inputFields) {
                    if case .named(let nested) = field.type.innermost { queue.append(nested) }
                }
                queue += type.actions.flatMap { [$0.input, $0.output].compactMap { $0 } }
            }
            kept = needed.union(document.types.filter { $0.origin == .common }.map(\.name))
        }
        kept.subtract(exclude)
        var selected = document
        selected.types = document.types.filter { kept.contains($0.name) }
        return selected
    }
}
