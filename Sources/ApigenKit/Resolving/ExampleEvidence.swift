/// What the curl examples of a docs set say about types: every JSON object whose type is known
/// (an operation body is its page's type, an action body its input type, a nested object the type its
/// field links to), and every value seen for a field name anywhere.
struct ExampleEvidence {
    struct TypedExample {
        var object: OrderedJSON
        /// The page whose example it is.
        var file: String
        var line: Int
    }

    /// A value an example gives a field, and the example's place.
    struct FieldValue {
        var value: OrderedJSON
        var file: String
        var line: Int
    }

    private(set) var examplesByType: [String: [TypedExample]] = [:]
    private(set) var valuesByFieldName: [String: [FieldValue]] = [:]

    init(pages: [ParsedPage], pageByName: [String: ParsedPage]) {
        // Field name → link target, per field list: bodies of the big types have a hundred members.
        typealias LinkTargets = [String: String?]
        func linkTargets(_ fields: [RawField]) -> LinkTargets {
            var targets: LinkTargets = [:]
            for field in fields where targets[field.name] == nil { targets[field.name] = .some(field.cell.linkTarget) }
            return targets
        }
        var pageTargets: [String: LinkTargets] = [:]
        func linkTargets(ofPage name: String) -> LinkTargets? {
            if let known = pageTargets[name] { return known }
            guard let page = pageByName[name] else { return nil }
            let targets = linkTargets(page.fields)
            pageTargets[name] = targets
            return targets
        }

        var worklist: [(type: String, example: TypedExample, targets: LinkTargets)] = []
        for page in pages {
            let ownTargets = page.operations.contains { $0.body != nil } ? linkTargets(page.fields) : [:]
            for operation in page.operations {
                if let body = operation.body {
                    worklist.append((page.name, TypedExample(object: body.json, file: page.file, line: body.line), ownTargets))
                }
            }
            for action in page.actions {
                if let input = action.input, let body = action.body {
                    let targets = linkTargets(ofPage: input) ?? linkTargets(action.inputFields)
                    worklist.append((input, TypedExample(object: body.json, file: page.file, line: body.line), targets))
                }
            }
        }
        while let (type, example, targets) = worklist.popLast() {
            guard case .object(let members) = example.object else { continue }
            examplesByType[type, default: []].append(example)
            for member in members {
                valuesByFieldName[member.key, default: []].append(
                    FieldValue(value: member.value, file: example.file, line: example.line))
                guard let target = targets[member.key] ?? nil else { continue }
                let nestedTargets = linkTargets(ofPage: target) ?? [:]
                for nested in Self.objects(in: member.value) {
                    worklist.append((target, TypedExample(object: nested, file: example.file, line: example.line), nestedTargets))
                }
            }
        }
    }

    /// An object, or the objects of an array or of a map's values.
    static func objects(in value: OrderedJSON) -> [OrderedJSON] {
        switch value {
        case .object: [value]
        case .array(let elements): elements.filter { if case .object = $0 { true } else { false } }
        default: []
        }
    }

    /// The values examples give to `field` of `type`, those of `preferredFile` first.
    func values(of field: String, in type: String, preferredFile: String) -> [OrderedJSON] {
        let examples = examplesByType[type] ?? []
        let own = examples.filter { $0.file == preferredFile }
        let others = examples.filter { $0.file != preferredFile }
        return (own + others).compactMap { $0.object[field] }
    }
}

extension TypeGrammar.CellType {
    /// The link target under any wrappers, if the cell holds an undecided link.
    var linkTarget: String? {
        switch self {
        case .link(let target): target
        case .array(let element), .map(let element): element.linkTarget
        default: nil
        }
    }

    /// The cell with its innermost link replaced by `decided`.
    func replacingLink(with decided: TypeRef) -> TypeRef? {
        switch self {
        case .link: decided
        case .array(let element): element.replacingLink(with: decided).map(TypeRef.array)
        case .map(let element): element.replacingLink(with: decided).map(TypeRef.map)
        default: canonical
        }
    }
}
