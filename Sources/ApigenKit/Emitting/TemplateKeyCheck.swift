/// Checks a template's tags against the context it renders with. Mustache renders a key that no context on
/// the stack answers as nothing, without a word; this finds such keys before the output does.
enum TemplateKeyCheck {
    struct Problem: Sendable, Hashable {
        /// The template the tag is in: the one checked, or a partial it includes.
        var template: String
        var line: Int
        var message: String
    }

    /// The context each template renders with (`SDKEmitter` builds them); nil for a partial, which is checked
    /// where another template includes it.
    static func context(ofTemplate name: String) -> (any TemplateContext.Type)? {
        switch name {
        case "Swift/Model.swift": ModelContext.self
        case "Swift/Payload.swift": nil
        case "Swift/ResourceClient.swift", "Swift/ResourceClientTests.swift": ResourceClientContext.self
        case "DocC/Landing.md", "Docs/Index.md": DocsIndexContext.self
        case "DocC/Article.md", "Docs/Type.md": TypeDocContext.self
        default: PackageContext.self  // Swift/Package, Swift/README, Swift/ResourceTypes, DocC/GettingStarted
        }
    }

    /// What a section puts on top of the stack.
    private enum Frame {
        case context(any TemplateContext.Type)
        /// Inside `{{#lines}}`: `{{.}}` is a line; other keys come from below.
        case text
        /// A flag, an inverted section, a text tested for presence: the same keys as below.
        case same
    }

    /// Every tag of `text` that names a key no context answers; `partials` are the other templates by name.
    static func problems(
        in text: String, template: String, context: any TemplateContext.Type, partials: [String: String]
    ) -> [Problem] {
        var problems: [Problem] = []
        check(text, template: template, stack: [.context(context)], partials: partials, depth: 0, into: &problems)
        return problems
    }

    private static func check(
        _ text: String, template: String, stack start: [Frame], partials: [String: String], depth: Int,
        into problems: inout [Problem]
    ) {
        var stack = start
        var line = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            let isTriple = rest[open.upperBound...].hasPrefix("{")
            let afterOpen = isTriple ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[afterOpen...].range(of: isTriple ? "}}}" : "}}") else { return }
            let tag = rest[afterOpen..<close.lowerBound]
            line += tag.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            rest = rest[close.upperBound...]
            let sigil = isTriple ? "&" : tag.first.map(String.init) ?? ""
            let name = (["#", "^", "/", ">", "&", "!", "%", "="].contains(sigil) && !isTriple ? tag.dropFirst() : tag)
                .trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!", "%": continue
            case "=": return  // changed delimiters: this check stops rather than misread what follows
            case "/": if stack.count > start.count { stack.removeLast() }
            case ">":
                guard depth < 8, let partial = partials[name] else { continue }
                check(partial, template: name, stack: stack, partials: partials, depth: depth + 1, into: &problems)
            case "#", "^":
                let shape = resolve(name, in: stack, at: Problem(template: template, line: line, message: ""), into: &problems)
                if sigil == "^" { stack.append(.same); continue }
                switch shape {
                case .object(let type)?, .list(let type)?: stack.append(.context(type))
                case .texts?: stack.append(.text)
                default: stack.append(.same)
                }
            default:
                if name != "." { _ = resolve(name, in: stack, at: Problem(template: template, line: line, message: ""), into: &problems) }
            }
        }
    }

    /// The shape `name` (dotted or not) has where it is used; nil, with a problem, when nothing answers it.
    private static func resolve(
        _ name: String, in stack: [Frame], at place: Problem, into problems: inout [Problem]
    ) -> TemplateValueShape? {
        func report(_ message: String) {
            var problem = place
            problem.message = message
            problems.append(problem)
        }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        var shape: TemplateValueShape?
        for frame in stack.reversed() {
            if case .context(let type) = frame, let found = type.keyShapes[first] {
                shape = found
                break
            }
        }
        if shape == nil, first == "params" { return .text }  // apigen.yml's params: any name
        guard var current = shape else {
            report("'{{\(name)}}' is no key of \(contextNames(stack)): it renders as nothing")
            return nil
        }
        for part in parts.dropFirst() {
            guard case .object(let type) = current, let next = type.keyShapes[part] else {
                report("'{{\(name)}}': '\(part)' is no key of what '\(first)' holds: it renders as nothing")
                return nil
            }
            current = next
        }
        return current
    }

    /// `ModelContext` → `the model context`; the innermost first.
    private static func contextNames(_ stack: [Frame]) -> String {
        let names = stack.reversed().compactMap { frame -> String? in
            guard case .context(let type) = frame else { return nil }
            return String(describing: type).replacingOccurrences(of: "Context", with: "")
        }
        return names.count == 1 ? "the \(names[0]) context" : "the \(names[0]) context or those around it (\(names.dropFirst().joined(separator: ", ")))"
    }
}
