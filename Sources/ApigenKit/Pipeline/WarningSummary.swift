/// Warnings as the command line shows them by default: one line per kind, with a count, so that a build log
/// is not a page of warnings about links whose types were then inferred. `--verbose` lists every warning;
/// `dump` keeps them all in its JSON.
public enum WarningSummary {
    /// The summary lines for `diagnostics`' warnings; `document` tells what became of the linked types.
    public static func lines(for diagnostics: [Diagnostic], document: APIDocument?) -> [String] {
        let warnings = diagnostics.filter { $0.severity == .warning }
        var lines: [String] = []
        let missing = Set(warnings.filter { $0.kind == .missingPage }.compactMap(\.subject))
        if !missing.isEmpty {
            let inferred = Set(document?.types.filter { $0.origin == .example }.map(\.name) ?? []).intersection(missing)
            // A type that no model defines is JSON where a field holds it inline; where fields only refer to it, an ID.
            var embedded = Set<String>()
            for type in document?.types ?? [] {
                for field in type.fields { if case .named(let name) = field.type.innermost { embedded.insert(name) } }
            }
            let json = missing.subtracting(inferred).intersection(embedded)
            lines.append("\(count(missing.count, "linked type has", "linked types have")) no page: \(inferred.count) inferred "
                         + "from examples, \(json.count) read as JSON, \(missing.count - inferred.count - json.count) referred to by ID")
        }
        let undefinable = Set(warnings.filter { $0.kind == .undefinableType }.compactMap(\.subject))
        if !undefinable.isEmpty {
            lines.append("\(count(undefinable.count, "type", "types")) in examples without a page or an example of "
                         + "\(undefinable.count == 1 ? "its" : "their") own: read as JSON")
        }
        // The others, grouped by their text with the quoted names left out: one line per kind, the first as example.
        var groups: [(template: String, first: Diagnostic, count: Int)] = []
        var index: [String: Int] = [:]
        for warning in warnings where warning.kind == nil {
            let template = Self.template(of: warning.message)
            if let at = index[template] {
                groups[at].count += 1
            } else {
                index[template] = groups.count
                groups.append((template, warning, 1))
            }
        }
        for group in groups {
            lines.append(group.count == 1 ? group.first.description
                         : "\(group.first.description) (and \(group.count - 1) more like it)")
        }
        guard let last = lines.popLast() else { return [] }
        lines.append(last + " (--verbose lists all \(count(warnings.count, "warning", "warnings")))")
        return lines.map { "apigen: " + $0 }
    }

    /// The message with `'quoted'` names and numbers blanked, so warnings of one kind share it.
    static func template(of message: String) -> String {
        var result = ""
        var inQuote = false
        for character in message {
            if character == "'" {
                inQuote.toggle()
                result.append("'")
            } else if !inQuote {
                result.append(character.isNumber ? "#" : character)
            }
        }
        return result
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
