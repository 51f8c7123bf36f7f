// The Swift view: what the same change does to the declarations the emitter generates. Names and types come
// from `SwiftNames`, the emitter's own rules, so a change the wire does not notice (an input type renamed, a
// bare `reference` given a target, `string` documented as `date`) still shows up when Swift callers must edit
// their code. These rules fire alongside the wire rules; they never replace them.

extension DiffRule {
    static let swiftRules: [DiffRule] = [
        DiffRule(
            "swift-property-retyped", .breaking,
            "A generated property keeps its name but changes Swift type: Swift callers must change, even where the JSON is the same.",
            .field { pair in
                guard let (old, new) = pair.both else { return [] }
                let before = SwiftNames.swiftType(old.type)
                let after = SwiftNames.swiftType(new.type)
                guard before != after else { return [] }
                let property = "\(SwiftNames.typeName(pair.newType.name)).\(SwiftNames.memberName(new.name))"
                return [DiffChange(old: before, new: after,
                                   message: "Swift property \(code(property)) changes type from \(code(before)) to \(code(after)).")]
            }),
        DiffRule(
            "swift-enum-case-removed", .breaking,
            "A generated enum loses a case: Swift code naming it no longer compiles, even where the field is read-only.",
            .field { pair in
                guard let (old, new) = pair.both, enumOptionDelta(old: old.options, new: new.options) != nil else { return [] }
                let remaining = Set((new.options ?? []).map(SwiftNames.caseName))
                var reported: Set<String> = []
                let property = "\(SwiftNames.typeName(pair.newType.name)).\(SwiftNames.memberName(new.name))"
                return (old.options ?? []).map(SwiftNames.caseName).compactMap { caseName in
                    guard !remaining.contains(caseName), reported.insert(caseName).inserted else { return nil }
                    return DiffChange(old: caseName, new: nil, message: "The enum of \(code(property)) loses the case \(code("." + caseName)).")
                }
            }),
        DiffRule(
            "swift-action-input-retyped", .breaking,
            "A generated action method takes another Swift input type (or gains or loses its input): calls must change, even where the JSON body is the same.",
            .action { pair in
                guard let (old, new) = pair.both else { return [] }
                let before = old.input.map(SwiftNames.typeName)
                let after = new.input.map(SwiftNames.typeName)
                guard before != after else { return [] }
                return [DiffChange(old: before, new: after,
                                   message: "Swift method \(code(SwiftNames.methodName(new.name))) takes \(after.map(code) ?? "no input") instead of \(before.map(code) ?? "no input").")]
            }),
        DiffRule(
            "swift-action-output-retyped", .breaking,
            "A generated action method returns another Swift type: code using the result must change.",
            .action { pair in
                guard let (old, new) = pair.both else { return [] }
                let before = old.output.map(SwiftNames.typeName)
                let after = new.output.map(SwiftNames.typeName)
                guard before != after else { return [] }
                return [DiffChange(old: before, new: after,
                                   message: "Swift method \(code(SwiftNames.methodName(new.name))) returns \(after.map(code) ?? "nothing") instead of \(before.map(code) ?? "nothing").")]
            }),
    ]
}
