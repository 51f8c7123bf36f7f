// The Swift view: what the same change does to the declarations the emitter generates. Names and types come
// from `SwiftDeclarations`, the emitter's own authority, so a change the wire does not notice (a `string`
// given options becomes an enum, an enum gains a case, a bare `reference` given a target, an action input
// renamed) shows up when Swift callers must edit their code, named as the generated code spells it. These
// rules fire alongside the wire rules; they never replace them.

extension DiffRule {
    static let swiftRules: [DiffRule] = [
        DiffRule(
            "swift-property-retyped", .breaking,
            "A generated property keeps its name but changes Swift type (a string that becomes an enum, a reference that becomes an embedded model): Swift callers must change, even where the JSON is the same.",
            .field { pair in
                guard let (old, new) = pair.swiftProperties else { return [] }
                let owner = pair.swift.new.typeName(pair.newType.name)
                let before = old.type.spelling(nestedIn: pair.swift.old.typeName(pair.oldType.name))
                let after = new.type.spelling(nestedIn: owner)
                guard before != after else { return [] }
                return [DiffChange(old: before, new: after,
                                   message: "Swift property \(code("\(owner).\(new.name)")) changes type from \(code(before)) to \(code(after)).")]
            }),
        DiffRule(
            "swift-enum-case-removed", .breaking,
            "A generated enum loses a case: Swift code naming it no longer compiles, even where the field is read-only.",
            .field { pair in
                guard let (old, new) = pair.swiftEnums else { return [] }
                let remaining = Set(new.cases.map(\.name))
                let enumName = "\(pair.swift.new.typeName(pair.newType.name)).\(new.typeName)"
                return old.cases.filter { !remaining.contains($0.name) }.map { removed in
                    DiffChange(old: removed.name, new: nil, message: "The enum \(code(enumName)) loses the case \(code("." + removed.name)).")
                }
            }),
        DiffRule(
            "swift-enum-case-added", .breaking,
            "A generated enum gains a case: a `switch` over it without `default` no longer compiles, and a value that decoded as `.unknown(…)` now decodes as the new case.",
            .field { pair in
                guard let (old, new) = pair.swiftEnums else { return [] }
                let existing = Set(old.cases.map(\.name))
                let enumName = "\(pair.swift.new.typeName(pair.newType.name)).\(new.typeName)"
                return new.cases.filter { !existing.contains($0.name) }.map { added in
                    DiffChange(old: nil, new: added.name, message: "The enum \(code(enumName)) gains the case \(code("." + added.name)).")
                }
            }),
        DiffRule(
            "swift-method-renamed", .breaking,
            "A generated action method changes name: the same action under a new Swift name, or an action renamed in the API that keeps its input and output. Calls must change.",
            .action { pair in
                let oldSwift = pair.swift.old, newSwift = pair.swift.new
                guard let old = pair.old, oldSwift.modelTypes[pair.oldType.name] != nil else { return [] }
                let before = oldSwift.methodSignature(of: old, in: pair.oldType)
                let renamedTo: Action?
                if let new = pair.new {
                    renamedTo = new
                } else {
                    // An action gone from the API, and one new in it with the same Swift input and output.
                    let oldNames = Set(pair.oldType.actions.map(\.name))
                    let candidates = pair.newType.actions.filter {
                        !oldNames.contains($0.name) && newSwift.inputType(of: $0) == oldSwift.inputType(of: old)
                            && newSwift.outputType(of: $0) == oldSwift.outputType(of: old)
                    }
                    renamedTo = candidates.count == 1 ? candidates[0] : nil
                }
                guard let renamedTo else { return [] }
                let after = newSwift.methodSignature(of: renamedTo, in: pair.newType)
                guard before != after, oldSwift.methodName(forAction: old.name) != newSwift.methodName(forAction: renamedTo.name)
                else { return [] }
                return [DiffChange(old: before, new: after, message: "Swift method \(code(before)) is now \(code(after)).")]
            }),
        DiffRule(
            "swift-action-input-retyped", .breaking,
            "A generated action method takes another Swift input type (or gains or loses its input): calls must change, even where the JSON body is the same.",
            .action { pair in
                guard let (old, new) = pair.both else { return [] }
                let before = pair.swift.old.inputType(of: old)
                let after = pair.swift.new.inputType(of: new)
                guard before != after else { return [] }
                let method = pair.swift.new.methodSignature(of: new, in: pair.newType)
                return [DiffChange(old: before, new: after,
                                   message: "Swift method \(code(method)) takes \(after.map(code) ?? "no input") instead of \(before.map(code) ?? "no input").")]
            }),
        DiffRule(
            "swift-action-output-retyped", .breaking,
            "A generated action method returns another Swift type: code using the result must change.",
            .action { pair in
                guard let (old, new) = pair.both else { return [] }
                let before = pair.swift.old.outputType(of: old)
                let after = pair.swift.new.outputType(of: new)
                guard before != after else { return [] }
                let method = pair.swift.new.methodSignature(of: new, in: pair.newType)
                return [DiffChange(old: before, new: after,
                                   message: "Swift method \(code(method)) returns \(after.map(code) ?? "nothing") instead of \(before.map(code) ?? "nothing").")]
            }),
    ]
}

extension FieldPair {
    /// The field's property in both models, when both types have a model that declares it.
    var swiftProperties: (old: SwiftProperty, new: SwiftProperty)? {
        guard let old, let new, let before = swift.old.property(named: old.name, in: oldType),
              let after = swift.new.property(named: new.name, in: newType) else { return nil }
        return (before, after)
    }

    /// The field's nested enum in both models, when it is an enum on both sides (a string that becomes an
    /// enum is a retyped property instead).
    var swiftEnums: (old: SwiftEnum, new: SwiftEnum)? {
        guard let (old, new) = swiftProperties, let before = old.type.enumeration, let after = new.type.enumeration else { return nil }
        return (before, after)
    }
}
