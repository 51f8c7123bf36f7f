// Rules on the fields of a type that exists in both documents. A field that became read-only reports only
// `field-became-read-only`: losing create, update, required and a default follows from it.

extension DiffRule {
    static let fieldRules: [DiffRule] = [
        DiffRule(
            "field-added", .info, "A field was added that is not required on create: existing callers are unaffected.",
            .field { pair in
                guard pair.old == nil, let new = pair.new, !new.required else { return [] }
                return [DiffChange(old: nil, new: new.type.grammar, message: "New field \(code(new.name)) (\(new.type.grammar)).")]
            }),
        DiffRule(
            "field-added-required", .breaking, "A field was added that is required on create: creates without it are rejected.",
            .field { pair in
                guard pair.old == nil, let new = pair.new, new.required else { return [] }
                return [DiffChange(old: nil, new: new.type.grammar,
                                   message: "New field \(code(new.name)) (\(new.type.grammar)), required on create.")]
            }),
        DiffRule(
            "field-removed", .breaking,
            "A field was removed: clients reading or sending it lose it, and its generated Swift property disappears.",
            .field { pair in
                guard let old = pair.old, pair.new == nil else { return [] }
                return [DiffChange(old: old.type.grammar, new: nil, message: "The field \(code(old.name)) (\(old.type.grammar)) was removed.")]
            }),
        DiffRule(
            "field-type-changed", .breaking,
            "A field's value changed type (scalar kind, embedded type, reference target, or array/map element): old values are rejected or misread.",
            .field { pair in
                guard let (old, new) = pair.both, TypeRefDifference(from: old.type, to: new.type) == .value else { return [] }
                return [DiffChange(old: old.type.grammar, new: new.type.grammar,
                                   message: "The field \(code(new.name)) changed type from \(code(old.type.grammar)) to \(code(new.type.grammar)).")]
            }),
        DiffRule(
            "field-string-format-changed", .warning,
            "A field stays a JSON string but its documented format changed (string, password, blob, date, enum, reference): values still decode, the server may validate them differently.",
            .field { pair in
                guard let (old, new) = pair.both, TypeRefDifference(from: old.type, to: new.type) == .stringFormat else { return [] }
                return [DiffChange(old: old.type.grammar, new: new.type.grammar,
                                   message: "The field \(code(new.name)) is documented as \(code(new.type.grammar)) instead of \(code(old.type.grammar)).")]
            }),
        DiffRule(
            "field-became-read-only", .breaking, "A writable field became read-only: creates and updates that set it are rejected or ignored.",
            .field { pair in
                guard let (old, new) = pair.both, old.writable, !new.writable else { return [] }
                return [DiffChange(old: "writable", new: "read-only", message: "The field \(code(new.name)) is now read-only.")]
            }),
        DiffRule(
            "field-became-writable", .info, "A read-only field became writable.",
            .field { pair in
                guard let (old, new) = pair.both, !old.writable, new.writable else { return [] }
                return [DiffChange(old: "read-only", new: "writable", message: "The field \(code(new.name)) is now writable.")]
            }),
        DiffRule(
            "field-no-longer-creatable", .breaking, "A field can no longer be set on create: creates that set it are rejected or ignored.",
            .field { pair in
                guard let (old, new) = pair.both, old.writable, new.writable, old.create, !new.create else { return [] }
                return [DiffChange(old: "true", new: "false", message: "The field \(code(new.name)) can no longer be set on create.")]
            }),
        DiffRule(
            "field-became-creatable", .info, "A writable field can now be set on create.",
            .field { pair in
                guard let (old, new) = pair.both, old.writable, new.writable, !old.create, new.create else { return [] }
                return [DiffChange(old: "false", new: "true", message: "The field \(code(new.name)) can now be set on create.")]
            }),
        DiffRule(
            "field-no-longer-updatable", .breaking, "A field can no longer be changed by update: updates that set it are rejected or ignored.",
            .field { pair in
                guard let (old, new) = pair.both, old.writable, new.writable, old.update, !new.update else { return [] }
                return [DiffChange(old: "true", new: "false", message: "The field \(code(new.name)) can no longer be updated.")]
            }),
        DiffRule(
            "field-became-updatable", .info, "A writable field can now be changed by update.",
            .field { pair in
                guard let (old, new) = pair.both, old.writable, new.writable, !old.update, new.update else { return [] }
                return [DiffChange(old: "false", new: "true", message: "The field \(code(new.name)) can now be updated.")]
            }),
        DiffRule(
            "field-became-required", .breaking, "A field became required on create: creates without it are rejected.",
            .field { pair in
                guard let (old, new) = pair.both, !old.required, new.required else { return [] }
                return [DiffChange(old: "false", new: "true", message: "The field \(code(new.name)) is now required on create.")]
            }),
        DiffRule(
            "field-no-longer-required", .info, "A field is no longer required on create: creates that set it still work.",
            .field { pair in
                guard let (old, new) = pair.both, new.writable, old.required, !new.required else { return [] }
                return [DiffChange(old: "true", new: "false", message: "The field \(code(new.name)) is no longer required on create.")]
            }),
        DiffRule(
            "field-default-added", .info, "A field gained a default: creates that omit it get a documented value.",
            .field { pair in
                guard let (old, new) = pair.both, !(old.writable && !new.writable), old.default == nil, let value = new.default else { return [] }
                return [DiffChange(old: nil, new: value, message: "The field \(code(new.name)) defaults to \(code(value)).")]
            }),
        DiffRule(
            "field-default-changed", .warning, "A field's default changed: creates that omit it behave differently.",
            .field { pair in
                guard let (old, new) = pair.both, let before = old.default, let after = new.default, before != after else { return [] }
                return [DiffChange(old: before, new: after, message: "The field \(code(new.name)) defaults to \(code(after)) instead of \(code(before)).")]
            }),
        DiffRule(
            "field-default-removed", .warning, "A field lost its default: creates that omit it no longer get that value.",
            .field { pair in
                guard let (old, new) = pair.both, !(old.writable && !new.writable), let before = old.default, new.default == nil else { return [] }
                return [DiffChange(old: before, new: nil, message: "The field \(code(new.name)) no longer defaults to \(code(before)).")]
            }),
        DiffRule(
            "field-enum-option-removed", .breaking,
            "A writable field no longer accepts an enum option: creates and updates sending it are rejected.",
            .field { pair in
                guard let (old, new) = pair.both, new.writable, let delta = enumOptionDelta(old: old.options, new: new.options) else { return [] }
                return delta.removed.map {
                    DiffChange(old: $0, new: nil, message: "The field \(code(new.name)) no longer accepts \(code($0)).")
                }
            }),
        DiffRule(
            "field-read-only-enum-option-removed", .info,
            "A read-only field no longer lists an enum option: clients merely stop seeing it (the Swift view is swift-enum-case-removed).",
            .field { pair in
                guard let (old, new) = pair.both, !new.writable, let delta = enumOptionDelta(old: old.options, new: new.options) else { return [] }
                return delta.removed.map {
                    DiffChange(old: $0, new: nil, message: "The field \(code(new.name)) no longer lists \(code($0)).")
                }
            }),
        DiffRule(
            "field-enum-option-added", .warning,
            "A field lists a new enum option: responses may carry a value that clients switching over the known ones do not handle.",
            .field { pair in
                guard let (old, new) = pair.both, let delta = enumOptionDelta(old: old.options, new: new.options) else { return [] }
                return delta.added.map {
                    DiffChange(old: nil, new: $0, message: "The field \(code(new.name)) lists the new option \(code($0)).")
                }
            }),
    ]
}
