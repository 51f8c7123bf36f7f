/// Compares two API documents with the rule catalogue: `apigen diff` without the printing.
public enum APIDiffer {
    /// The common fields a resource page leaves out of its tables (`corpus-notes.md`). When a type turns from
    /// resource into embedded type or back, they appear or vanish from the page without changing in the API.
    static let fieldsHiddenOnResourcePages: Set<String> = [
        "kind", "created", "state", "transitioning", "transitioningMessage", "transitioningProgress", "uuid",
        "removeTime", "removed", "accountId",
    ]

    /// Every finding of `rules` between `old` and `new`, sorted by type, member, rule.
    /// Types, fields, operations and actions are matched by name, so a rename is a removal plus an addition.
    public static func diff(old: APIDocument, new: APIDocument, rules: [DiffRule] = DiffRule.catalogue) -> DiffReport {
        var collector = FindingCollector(rules: rules)
        let swift = SwiftViews(old: SwiftDeclarations(document: old), new: SwiftDeclarations(document: new))
        let oldTypes = byName(old.types, \.name)
        let newTypes = byName(new.types, \.name)
        for name in unionOfNames(old.types.map(\.name), new.types.map(\.name)) {
            let pair = ElementPair(old: oldTypes[name], new: newTypes[name])
            let oldSource = pair.old?.source ?? pair.new?.source ?? ""
            let newSource = pair.new?.source ?? oldSource
            let place = FindingCollector.Place(type: name, member: nil, oldSource: oldSource, newSource: newSource)
            collector.collect(.type, at: place) { matcher in
                if case .type(let match) = matcher { match(pair) } else { [] }
            }
            guard let (oldType, newType) = pair.both else { continue }
            compareMembers(of: oldType, with: newType, swift: swift, into: &collector, oldSource: oldSource, newSource: newSource)
        }
        return DiffReport(old: DocsSetVersion(of: old), new: DocsSetVersion(of: new), findings: collector.findings)
    }

    private static func compareMembers(
        of oldType: APIType, with newType: APIType, swift: SwiftViews, into collector: inout FindingCollector,
        oldSource: String, newSource: String
    ) {
        func place(_ member: String) -> FindingCollector.Place {
            FindingCollector.Place(type: newType.name, member: member, oldSource: oldSource, newSource: newSource)
        }

        let oldOperations = byName(oldType.operations, \.name)
        let newOperations = byName(newType.operations, \.name)
        for name in unionOfNames(oldType.operations.map(\.name), newType.operations.map(\.name)) {
            let pair = ElementPair(old: oldOperations[name], new: newOperations[name])
            collector.collect(.operation, at: place(name)) { matcher in
                if case .operation(let match) = matcher { match(pair) } else { [] }
            }
        }

        let oldActions = byName(oldType.actions, \.name)
        let newActions = byName(newType.actions, \.name)
        for name in unionOfNames(oldType.actions.map(\.name), newType.actions.map(\.name)) {
            let pair = ActionPair(old: oldActions[name], new: newActions[name], oldType: oldType, newType: newType, swift: swift)
            collector.collect(.action, at: place(name)) { matcher in
                if case .action(let match) = matcher { match(pair) } else { [] }
            }
            guard let (oldAction, newAction) = pair.both else { continue }
            let oldInputs = byName(oldAction.inputFields, \.name)
            let newInputs = byName(newAction.inputFields, \.name)
            for field in unionOfNames(oldAction.inputFields.map(\.name), newAction.inputFields.map(\.name)) {
                let inputPair = ElementPair(old: oldInputs[field], new: newInputs[field])
                collector.collect(.inputField, at: place("\(name).\(field)")) { matcher in
                    if case .inputField(let match) = matcher { match(inputPair) } else { [] }
                }
            }
        }

        let oldFields = byName(oldType.fields, \.name)
        let newFields = byName(newType.fields, \.name)
        for name in unionOfNames(oldType.fields.map(\.name), newType.fields.map(\.name)) {
            let pair = FieldPair(old: oldFields[name], new: newFields[name], oldType: oldType, newType: newType, swift: swift)
            if isOnlyUnhidden(pair, name: name) { continue }
            collector.collect(.field, at: place(name)) { matcher in
                if case .field(let match) = matcher { match(pair) } else { [] }
            }
        }
    }

    /// A common field that exists on both sides but is printed only on the side that is not a resource page.
    private static func isOnlyUnhidden(_ pair: FieldPair, name: String) -> Bool {
        guard fieldsHiddenOnResourcePages.contains(name), pair.oldType.kind != pair.newType.kind else { return false }
        return (pair.old == nil && pair.oldType.kind == .resource) || (pair.new == nil && pair.newType.kind == .resource)
    }

    /// First element per name: names are unique in well-formed docs, and a duplicate must not crash the diff.
    private static func byName<Element>(_ elements: [Element], _ name: (Element) -> String) -> [String: Element] {
        Dictionary(elements.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The names of both sides, each once, old order first (the final sort makes order irrelevant).
    private static func unionOfNames(_ old: [String], _ new: [String]) -> [String] {
        var seen: Set<String> = []
        return (old + new).filter { seen.insert($0).inserted }
    }
}

/// Runs the rules of one subject on a pair and turns their changes into findings.
struct FindingCollector {
    struct Place {
        var type: String
        var member: String?
        var oldSource: String
        var newSource: String
    }

    private let rulesBySubject: [DiffRule.Subject: [DiffRule]]
    private(set) var findings: [Finding] = []

    init(rules: [DiffRule]) {
        rulesBySubject = Dictionary(grouping: rules, by: \.subject)
    }

    mutating func collect(_ subject: DiffRule.Subject, at place: Place, _ match: (DiffRule.Matcher) -> [DiffChange]) {
        for rule in rulesBySubject[subject] ?? [] {
            for change in match(rule.matcher) {
                findings.append(Finding(
                    rule: rule.id, level: rule.level, type: place.type, member: place.member, old: change.old,
                    new: change.new, message: change.message,
                    // A removal was last seen in the old set.
                    source: change.new == nil ? place.oldSource : place.newSource))
            }
        }
    }
}
