/// Turns parsed pages into IR types, deciding what each link in a Type cell means.
///
/// A link `[x](…)` is a reference (`reference[x]`), an embedded object (`x`) or the scalar `password`.
/// The evidence, strongest first: the JSON examples for the field's own type (its page's, then other
/// pages' that embed it), a JSON example of a field with the same name anywhere, then the field name
/// (`…Id`, `…Ids` are references; a field named after its type embeds it), then whether the target
/// is a resource with its own collection (referenced by ID) or not (embedded).
struct LinkResolver {
    let pages: [ParsedPage]
    let pageByName: [String: ParsedPage]
    let evidence: ExampleEvidence
    private(set) var diagnostics: [Diagnostic] = []
    private var reportedMissing = Set<String>()
    /// Link targets with no page, already reported where they are linked.
    private(set) var missingTargets = Set<String>()

    init(pages: [ParsedPage]) {
        self.pages = pages
        var pageByName: [String: ParsedPage] = [:]
        for page in pages where pageByName[page.name] == nil { pageByName[page.name] = page }
        self.pageByName = pageByName
        self.evidence = ExampleEvidence(pages: pages, pageByName: pageByName)
    }

    mutating func resolveTypes() -> [APIType] {
        pages.map { page in
            APIType(
                name: page.name, kind: page.kind, origin: page.origin, source: page.file, description: page.description,
                fields: page.fields.map { raw in
                    let field = resolve(raw, owner: page.name, file: page.file)
                    return page.origin == .common ? checkedAgainstExamples(field, line: raw.line, file: page.file) : field
                },
                operations: page.operations.map(\.operation),
                actions: page.actions.map { resolve($0, file: page.file) })
        }.sorted { $0.name < $1.name }
    }

    private mutating func resolve(_ action: RawAction, file: String) -> Action {
        for target in [action.input, action.output].compactMap({ $0 }) {
            checkPageExists(target, file: file, line: action.line)
        }
        let inputPage = action.input.flatMap { pageByName[$0] }
        let fields = action.inputFields.map { raw -> Field in
            guard case .empty = raw.cell else {
                return resolve(raw, owner: action.input ?? "", file: file)
            }
            // Scalars' Type cells are empty in input tables: the input type's page has the type,
            // else the action's example body shows it.
            var field = field(from: raw, type: .scalar(.json))
            if let pageField = inputPage?.fields.first(where: { $0.name == raw.name }), pageField.cell != .empty {
                field.type = resolve(pageField, owner: inputPage?.name ?? "", file: inputPage?.file ?? file).type
            } else if let value = action.body?.json[raw.name] {
                field.type = PlaceholderTypes.type(of: value)
            } else {
                diagnostics.append(.warning("input field '\(raw.name)' of action '\(action.name)' has no type",
                                            file: file, line: raw.line))
            }
            return field
        }
        return Action(name: action.name, method: action.method, path: action.path, input: action.input,
                      output: action.output, inputFields: fields)
    }

    private mutating func resolve(_ raw: RawField, owner: String, file: String) -> Field {
        guard let target = raw.cell.linkTarget else {
            if case .empty = raw.cell {
                diagnostics.append(.warning("field '\(raw.name)' has an empty Type cell", file: file, line: raw.line))
                return field(from: raw, type: .scalar(.json))
            }
            return field(from: raw, type: raw.cell.canonical ?? .scalar(.json))
        }
        checkPageExists(target, file: file, line: raw.line)
        let decided = decideLink(target: target, field: raw.name, owner: owner, file: file)
        return field(from: raw, type: raw.cell.replacingLink(with: decided) ?? decided)
    }

    private func decideLink(target: String, field: String, owner: String, file: String) -> TypeRef {
        let candidates = evidence.values(of: field, in: owner, preferredFile: file)
            + (evidence.valuesByFieldName[field] ?? []).map(\.value)
        for value in candidates {
            guard let decision = PlaceholderTypes.linkDecision(from: value) else { continue }
            switch decision.innermost {
            case .reference: return .reference(target)
            case .scalar(.password): return .scalar(.password)
            default: return .named(target)
            }
        }
        // `password` is a scalar of the grammar: a link to its page (`secretValue | [password](…)`) is that scalar.
        if target == "password" { return .scalar(.password) }
        if field.hasSuffix("Id") || field.hasSuffix("Ids") { return .reference(target) }
        // A field named after the type it links to holds that object (`volume | [volume]`);
        // Rancher names references `…Id`.
        if field == target { return .named(target) }
        // No example and no telling name: a resource that has its own collection (operations or
        // actions) is addressed by ID, never embedded (`linkedServices | map[[service]]`).
        if let page = pageByName[target], !page.operations.isEmpty || !page.actions.isEmpty { return .reference(target) }
        return .named(target)
    }

    /// The common page states types that no resource page shows (its fields are hidden there) and gets some
    /// wrong (`removed | bool`). Where the JSON examples, which spell out embedded resources in full, agree on
    /// another scalar type for the field, they win, and a warning names both places.
    private mutating func checkedAgainstExamples(_ field: Field, line: Int, file: String) -> Field {
        guard case .scalar(let stated) = field.type else { return field }
        let seen = (evidence.valuesByFieldName[field.name] ?? []).compactMap { seen -> (TypeRef, ExampleEvidence.FieldValue)? in
            // Only a placeholder that names a type counts: `"date"`, not a real value such as `"managed"`.
            guard case .string(let text) = seen.value, let type = try? TypeGrammar.parse(text), case .scalar = type
            else { return nil }
            return (type, seen)
        }
        guard let (shown, first) = seen.first, seen.allSatisfy({ $0.0 == shown }), shown != .scalar(stated) else { return field }
        var corrected = field
        corrected.type = shown
        diagnostics.append(.warning(
            "field '\(field.name)': this page says '\(field.type.grammar)', the JSON examples say '\(shown.grammar)' "
                + "(\(first.file):\(first.line) and \(seen.count - 1) more); read as '\(shown.grammar)'",
            file: file, line: line))
        return corrected
    }

    private mutating func checkPageExists(_ target: String, file: String, line: Int) {
        guard pageByName[target] == nil, target != "password" else { return }
        missingTargets.insert(target)
        if reportedMissing.insert("\(file)\u{0}\(target)").inserted {
            diagnostics.append(.warning("link to missing page '\(target)'", file: file, line: line, kind: .missingPage, subject: target))
        }
    }

    private func field(from raw: RawField, type: TypeRef) -> Field {
        Field(name: raw.name, type: type, writable: raw.writable, create: raw.create, required: raw.required,
              update: raw.update, default: raw.default, options: raw.options, description: raw.description)
    }
}
