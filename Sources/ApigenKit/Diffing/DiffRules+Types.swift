// Rules on whole types, operations, actions and action inputs. Levels follow oasdiff's reasoning:
// removing or narrowing what clients use is breaking, additions are info, and changes that keep the shape but
// may change behaviour are warnings.

extension DiffRule {
    static let typeRules: [DiffRule] = [
        DiffRule(
            "type-added", .info, "A type or resource was added: existing callers are unaffected.",
            .type { pair in
                guard pair.isAdded, let new = pair.new else { return [] }
                return [DiffChange(old: nil, new: new.kind.rawValue, message: "New \(new.kind.rawValue) \(code(new.name)).")]
            }),
        DiffRule(
            "type-removed", .breaking,
            "A type or resource was removed: its endpoints are gone and code using its generated model no longer compiles.",
            .type { pair in
                guard pair.isRemoved, let old = pair.old else { return [] }
                return [DiffChange(old: old.kind.rawValue, new: nil, message: "The \(old.kind.rawValue) \(code(old.name)) was removed.")]
            }),
        DiffRule(
            "type-became-resource", .info,
            "An embedded type became a resource: it gains an identity and a collection; nothing that worked stops working.",
            .type { pair in
                guard let (old, new) = pair.both, old.kind == .type, new.kind == .resource else { return [] }
                return [DiffChange(old: "type", new: "resource", message: "\(code(new.name)) is now a resource.")]
            }),
        DiffRule(
            "type-no-longer-resource", .breaking,
            "A resource became an embedded type: it can no longer be listed, fetched or addressed by ID.",
            .type { pair in
                guard let (old, new) = pair.both, old.kind == .resource, new.kind == .type else { return [] }
                return [DiffChange(old: "resource", new: "type", message: "\(code(new.name)) is no longer a resource, only an embedded type.")]
            }),
    ]

    static let operationRules: [DiffRule] = [
        DiffRule(
            "operation-added", .info, "A create, update or delete operation was added.",
            .operation { pair in
                guard pair.isAdded, let new = pair.new else { return [] }
                return [DiffChange(old: nil, new: endpoint(method: new.method, path: new.path),
                                   message: "New \(new.name) operation.")]
            }),
        DiffRule(
            "operation-removed", .breaking,
            "A create, update or delete operation was removed: calls to it fail and its generated client method disappears.",
            .operation { pair in
                guard pair.isRemoved, let old = pair.old else { return [] }
                return [DiffChange(old: endpoint(method: old.method, path: old.path), new: nil,
                                   message: "The \(old.name) operation was removed.")]
            }),
        DiffRule(
            "operation-endpoint-changed", .warning,
            "An operation's documented method or URL changed: clients that build URLs themselves must follow; the server may still serve the old one.",
            .operation { pair in
                guard let (old, new) = pair.both, old.method != new.method || old.path != new.path else { return [] }
                return [DiffChange(old: endpoint(method: old.method, path: old.path), new: endpoint(method: new.method, path: new.path),
                                   message: "The \(new.name) operation moved.")]
            }),
    ]

    static let actionRules: [DiffRule] = [
        DiffRule(
            "action-added", .info, "An action was added.",
            .action { pair in
                guard pair.isAdded, let new = pair.new else { return [] }
                return [DiffChange(old: nil, new: endpoint(method: new.method, path: new.path), message: "New action \(code(new.name)).")]
            }),
        DiffRule(
            "action-removed", .breaking, "An action was removed: calls to it fail and its generated method disappears.",
            .action { pair in
                guard pair.isRemoved, let old = pair.old else { return [] }
                return [DiffChange(old: endpoint(method: old.method, path: old.path), new: nil,
                                   message: "The action \(code(old.name)) was removed.")]
            }),
        DiffRule(
            "action-endpoint-changed", .warning,
            "An action's documented method or URL changed: clients that build URLs themselves must follow; the server may still serve the old one.",
            .action { pair in
                guard let (old, new) = pair.both, old.method != new.method || old.path != new.path else { return [] }
                return [DiffChange(old: endpoint(method: old.method, path: old.path), new: endpoint(method: new.method, path: new.path),
                                   message: "The action \(code(new.name)) moved.")]
            }),
        DiffRule(
            "action-input-type-changed", .warning,
            "An action's input type changed (or appeared or went away): the body is its fields, compared by the action-input-field rules; the Swift view is swift-action-input-retyped.",
            .action { pair in
                guard let (old, new) = pair.both, old.input != new.input else { return [] }
                return [DiffChange(old: old.input, new: new.input,
                                   message: "The action \(code(new.name)) takes \(new.input.map(code) ?? "no input") instead of \(old.input.map(code) ?? "no input").")]
            }),
        DiffRule(
            "action-output-type-changed", .breaking,
            "An action returns another type (or none is documented any more): responses decode differently.",
            .action { pair in
                guard let (old, new) = pair.both, old.output != new.output else { return [] }
                return [DiffChange(old: old.output, new: new.output,
                                   message: "The action \(code(new.name)) returns \(new.output.map(code) ?? "nothing documented") instead of \(old.output.map(code) ?? "nothing documented").")]
            }),
    ]

    static let inputFieldRules: [DiffRule] = [
        DiffRule(
            "action-input-field-added-required", .breaking,
            "An action input gained a required field: calls without it are rejected.",
            .inputField { pair in
                guard pair.isAdded, let new = pair.new, new.required else { return [] }
                return [DiffChange(old: nil, new: new.type.grammar, message: "New required input field \(code(new.name)).")]
            }),
        DiffRule(
            "action-input-field-added", .info, "An action input gained an optional field.",
            .inputField { pair in
                guard pair.isAdded, let new = pair.new, !new.required else { return [] }
                return [DiffChange(old: nil, new: new.type.grammar, message: "New optional input field \(code(new.name)).")]
            }),
        DiffRule(
            "action-input-field-removed", .breaking,
            "An action input lost a field: what callers send is ignored or rejected, and the generated parameter disappears.",
            .inputField { pair in
                guard pair.isRemoved, let old = pair.old else { return [] }
                return [DiffChange(old: old.type.grammar, new: nil, message: "The input field \(code(old.name)) was removed.")]
            }),
        DiffRule(
            "action-input-field-type-changed", .breaking,
            "An action input field's type changed: inputs are only ever sent, so the server validates them against the new type.",
            .inputField { pair in
                guard let (old, new) = pair.both, old.type != new.type else { return [] }
                return [DiffChange(old: old.type.grammar, new: new.type.grammar,
                                   message: "The input field \(code(new.name)) changed type.")]
            }),
        DiffRule(
            "action-input-field-became-required", .breaking, "An optional action input field became required: calls without it are rejected.",
            .inputField { pair in
                guard let (old, new) = pair.both, !old.required, new.required else { return [] }
                return [DiffChange(old: "false", new: "true", message: "The input field \(code(new.name)) is now required.")]
            }),
        DiffRule(
            "action-input-field-no-longer-required", .info, "A required action input field became optional.",
            .inputField { pair in
                guard let (old, new) = pair.both, old.required, !new.required else { return [] }
                return [DiffChange(old: "true", new: "false", message: "The input field \(code(new.name)) is now optional.")]
            }),
        DiffRule(
            "action-input-field-default-changed", .warning,
            "An action input field's default was added, changed or removed: calls that omit it behave differently.",
            .inputField { pair in
                guard let (old, new) = pair.both, old.default != new.default else { return [] }
                return [DiffChange(old: old.default, new: new.default, message: "The input field \(code(new.name)) has another default.")]
            }),
        DiffRule(
            "action-input-field-enum-option-removed", .breaking, "An action input field no longer accepts an enum option: calls sending it are rejected.",
            .inputField { pair in
                guard let (old, new) = pair.both, let delta = enumOptionDelta(old: old.options, new: new.options) else { return [] }
                return delta.removed.map {
                    DiffChange(old: $0, new: nil, message: "The input field \(code(new.name)) no longer accepts \(code($0)).")
                }
            }),
        DiffRule(
            "action-input-field-enum-option-added", .info, "An action input field accepts a new enum option: inputs are only sent, so nothing breaks.",
            .inputField { pair in
                guard let (old, new) = pair.both, let delta = enumOptionDelta(old: old.options, new: new.options) else { return [] }
                return delta.added.map {
                    DiffChange(old: nil, new: $0, message: "The input field \(code(new.name)) accepts \(code($0)).")
                }
            }),
    ]
}
