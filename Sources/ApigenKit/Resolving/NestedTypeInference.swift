/// Gives every type name the IR mentions a definition: its own page where one exists, else a type
/// inferred from the JSON examples (Create/Update and action bodies spell nested objects out in full)
/// and from action input tables.
///
/// - An inferred object with exactly the fields of a type known under another name becomes that type
///   (the `build` object is a `dockerBuild`).
/// - A name with neither page nor example is a warning, and `json` takes its place.
struct NestedTypeInference {
    private var types: [String: APIType]
    private let evidence: ExampleEvidence
    private(set) var diagnostics: [Diagnostic] = []
    /// Objects seen inside inferred types, by the name their key gives them.
    private var nestedExamples: [String: [ExampleEvidence.TypedExample]] = [:]

    /// Names whose missing page was reported where they are linked: no second warning.
    private let reportedMissing: Set<String>

    init(types: [APIType], evidence: ExampleEvidence, reportedMissing: Set<String> = []) {
        self.types = Dictionary(types.map { ($0.name, $0) }) { first, _ in first }
        self.evidence = evidence
        self.reportedMissing = reportedMissing
    }

    /// Each inference remakes the list of undefined mentions: past this many (real sets infer a few dozen),
    /// a hostile page of thousands of nested example objects would take minutes.
    static let maximumInferredTypes = 1_000

    mutating func resolve() -> [APIType] {
        inferActionInputs()
        // Inferring a type can reveal more names: repeat until every mention is defined or given up.
        // Always the first undefined mention in a stable order: the list is made again only after an
        // inference changed the types; a name given up changes nothing, so the walk goes on (rescanning
        // every type per name was quadratic: 10,000 links to missing pages took 23 s).
        var givenUp = Set<String>()
        var attempted = Set<String>()
        var pending = undefinedMentions(excluding: givenUp)
        var position = 0
        var inferredCount = 0
        var reportedCap = false
        while position < pending.count {
            let (missing, mention) = pending[position]
            position += 1
            guard types[missing] == nil, !givenUp.contains(missing) else { continue }
            let examples = (evidence.examplesByType[missing] ?? []) + (nestedExamples[missing] ?? [])
            // Each name is inferred once: a name still undefined after its inference would loop forever.
            guard attempted.insert(missing).inserted else {
                givenUp.insert(missing)
                continue
            }
            guard inferredCount < Self.maximumInferredTypes else {
                if !reportedCap {
                    reportedCap = true
                    diagnostics.append(.warning(
                        "more than \(Self.maximumInferredTypes) types to infer from examples; the rest are read as JSON",
                        file: mention.file))
                }
                givenUp.insert(missing)
                continue
            }
            if infer(missing, from: examples, source: mention.file) {
                inferredCount += 1
                pending = undefinedMentions(excluding: givenUp)
                position = 0
            } else {
                givenUp.insert(missing)
                guard !reportedMissing.contains(missing) else { continue }
                diagnostics.append(.warning(
                    "type '\(missing)' has no page and no example; its values are read as JSON", file: mention.file,
                    kind: .undefinableType, subject: missing))
            }
        }
        return types.values.map { type in
            var type = type
            type.fields = type.fields.map { replacing(givenUp, in: $0) }
            type.actions = type.actions.map { action in
                var action = action
                action.inputFields = action.inputFields.map { replacing(givenUp, in: $0) }
                return action
            }
            return type
        }.sorted { $0.name < $1.name }
    }

    // MARK: - Finding what is missing

    private struct Mention {
        var file: String
    }

    /// The named types (not references) mentioned but not defined, in a stable order: types by name,
    /// then fields, action input fields and action inputs.
    private func undefinedMentions(excluding givenUp: Set<String>) -> [(String, Mention)] {
        var mentions: [(String, Mention)] = []
        for type in types.values.sorted(by: { $0.name < $1.name }) {
            let named = (type.fields + type.actions.flatMap(\.inputFields)).flatMap { namedTypes(in: $0.type) }
                + type.actions.compactMap(\.input)
            for name in named where types[name] == nil && !givenUp.contains(name) {
                mentions.append((name, Mention(file: type.source)))
            }
        }
        return mentions
    }

    private func namedTypes(in type: TypeRef) -> [String] {
        if case .named(let name) = type.innermost { return [name] }
        return []
    }

    // MARK: - Action inputs

    /// Action input types without a page: the input table gives the fields and their types.
    private mutating func inferActionInputs() {
        for type in types.values.sorted(by: { $0.name < $1.name }) {
            for action in type.actions {
                guard let input = action.input, types[input] == nil, !action.inputFields.isEmpty else { continue }
                types[input] = APIType(
                    name: input, kind: .type, origin: .example, source: type.source, fields: action.inputFields)
            }
        }
    }

    // MARK: - Inference from examples

    /// Infers `name` from example objects; returns false when there is nothing to infer from.
    private mutating func infer(_ name: String, from examples: [ExampleEvidence.TypedExample], source: String) -> Bool {
        let objects = examples.map(\.object)
        guard !objects.isEmpty else { return false }
        let file = examples.first?.file ?? source
        var fields: [Field] = []
        // Each object's members by key, first one winning (as `OrderedJSON`'s subscript): looking every key
        // up in every member list was quadratic in wide examples.
        let memberMaps: [[String: OrderedJSON]] = objects.map { object in
            guard case .object(let members) = object else { return [:] }
            return Dictionary(members.map { ($0.key, $0.value) }) { first, _ in first }
        }
        for key in Self.keysInOrder(objects) {
            let values = memberMaps.compactMap { $0[key] }
            let field = field(key, values: values, owner: name, file: file)
            if case .named(let nested) = field.type.innermost {
                for case .object(let members) in values.flatMap(ExampleEvidence.objects) where !members.isEmpty {
                    nestedExamples[nested, default: []].append(
                        ExampleEvidence.TypedExample(object: .object(members), file: file, line: examples.first?.line ?? 0))
                }
            }
            fields.append(field)
        }
        if let known = typeWithSameFields(as: fields, excluding: name) {
            replaceMentions(of: name, with: known)
            return true
        }
        types[name] = APIType(name: name, kind: .type, origin: .example, source: file, fields: fields)
        return true
    }

    private func field(_ key: String, values: [OrderedJSON], owner: String, file: String) -> Field {
        let type = values.lazy.map { self.type(of: $0, key: key) }.first { $0 != .scalar(.json) }
            ?? values.first.map { self.type(of: $0, key: key) } ?? .scalar(.json)
        return Field(name: key, type: type, writable: true, create: true,
                     default: values.lazy.compactMap(Self.realDefault).first)
    }

    /// A nested object is a type named after its key (`healthCheck`), unless a known type has its fields.
    private func type(of value: OrderedJSON, key: String) -> TypeRef {
        switch value {
        case .object(let members) where !(members.count == 1 && members[0].key == "key"):
            return .named(key)
        case .array(let elements):
            if case .object = elements.first { return .array(.named(key)) }
            return PlaceholderTypes.type(of: value)
        default:
            return PlaceholderTypes.type(of: value)
        }
    }

    /// Values that are not placeholders are the field's default (`"managed"`, `2000`, `true`).
    private static func realDefault(_ value: OrderedJSON) -> String? {
        switch value {
        case .bool(true): "true"
        case .number(let literal) where literal != "0": literal
        case .string(let text) where (try? TypeGrammar.parse(text)).map(PlaceholderTypes.isPlaceholder) != true: text
        default: nil
        }
    }

    private static func keysInOrder(_ objects: [OrderedJSON]) -> [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for object in objects {
            guard case .object(let members) = object else { continue }
            for member in members where seen.insert(member.key).inserted { keys.append(member.key) }
        }
        return keys
    }

    private func typeWithSameFields(as fields: [Field], excluding name: String) -> String? {
        let names = Set(fields.map(\.name))
        guard names.count > 1 else { return nil }
        return types.values.filter { $0.name != name && Set($0.fields.map(\.name)) == names }
            .map(\.name).min()
    }

    // MARK: - Rewriting mentions

    /// Every mention: fields, action input fields and action inputs.
    private mutating func replaceMentions(of name: String, with replacement: String) {
        for (typeName, type) in types {
            var type = type
            type.fields = type.fields.map { renaming(name, to: replacement, in: $0) }
            type.actions = type.actions.map { action in
                var action = action
                action.inputFields = action.inputFields.map { renaming(name, to: replacement, in: $0) }
                if action.input == name { action.input = replacement }
                return action
            }
            types[typeName] = type
        }
    }

    private func renaming(_ name: String, to replacement: String, in field: Field) -> Field {
        guard field.type.innermost == .named(name) else { return field }
        var field = field
        field.type = field.type.replacingInnermost(with: .named(replacement))
        return field
    }

    private func replacing(_ undefined: Set<String>, in field: Field) -> Field {
        guard case .named(let name) = field.type.innermost, undefined.contains(name) else { return field }
        var field = field
        field.type = field.type.replacingInnermost(with: .scalar(.json))
        return field
    }
}
