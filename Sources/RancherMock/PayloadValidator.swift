import ApigenKit

/// Cattle's checks of a create, update or action body against the documented fields. What it may not set
/// (undocumented keys, fields not writable by this operation) is dropped, as Cattle drops it; what is wrong
/// is refused with the error Cattle gives: `InvalidType`, `InvalidOption`, `NotNullable`,
/// `InvalidReference`, `MissingRequired`, each naming the field.
struct PayloadValidator {
    enum Purpose { case create, update, actionInput }

    var fields: [String: Field]
    var order: [String]
    var purpose: Purpose
    /// Whether a resource of the named type (`nil`: any) has this ID.
    var referenceExists: (String?, String) -> Bool

    /// The accepted members, in the body's order.
    func accepted(_ body: OrderedJSON) throws(MockError) -> [OrderedJSON.Member] {
        guard let members = body.members else {
            throw MockError(400, "InvalidBodyContent", "the body must be a JSON object")
        }
        var accepted: [OrderedJSON.Member] = []
        for member in members {
            guard let field = fields[member.key], isWritable(field) else { continue }
            try check(member.value, of: field)
            accepted.append(member)
        }
        if purpose != .update {
            for name in order {
                guard let field = fields[name], field.required, isWritable(field), field.default == nil else { continue }
                if !accepted.contains(where: { $0.key == name }) {
                    throw MockError.validation("MissingRequired", field: name, "\(name) is required")
                }
            }
        }
        return accepted
    }

    private func isWritable(_ field: Field) -> Bool {
        switch purpose {
        case .create: field.create
        case .update: field.update
        case .actionInput: true
        }
    }

    private func check(_ value: OrderedJSON, of field: Field) throws(MockError) {
        if value.isNull {
            if field.required { throw MockError.validation("NotNullable", field: field.name, "\(field.name) may not be null") }
            return
        }
        guard Self.matches(value, field.type) else {
            throw MockError.validation("InvalidType", field: field.name, "\(field.name) must be \(field.type.grammar)")
        }
        if let options = field.options, !options.isEmpty, let text = value.stringValue, !options.contains(text) {
            throw MockError.validation("InvalidOption", field: field.name, "\(field.name) must be one of \(options.joined(separator: ", "))")
        }
        for (target, id) in Self.references(in: value, of: field.type) where !referenceExists(target, id) {
            throw MockError.validation("InvalidReference", field: field.name, "no \(target ?? "resource") has ID \(id)")
        }
    }

    /// Whether a JSON value has the shape of a type of Rancher's grammar.
    static func matches(_ value: OrderedJSON, _ type: TypeRef) -> Bool {
        if value.isNull { return true }
        switch (type, value) {
        case (.scalar(.json), _): return true
        case (.scalar(.int), .number(let literal)): return Int64(literal) != nil
        case (.scalar(.float), .number(let literal)): return Double(literal) != nil
        case (.scalar(.boolean), .bool): return true
        case (.scalar(.string), .string), (.scalar(.password), .string), (.scalar(.date), .string), (.scalar(.blob), .string),
             (.scalar(.enum), .string), (.reference, .string):
            return true
        case (.array(let element), .array(let items)): return items.allSatisfy { matches($0, element) }
        case (.map(let element), .object(let members)): return members.allSatisfy { matches($0.value, element) }
        case (.named, .object): return true
        default: return false
        }
    }

    /// The IDs a value names as references, with the type each must be.
    static func references(in value: OrderedJSON, of type: TypeRef) -> [(String?, String)] {
        switch (type, value) {
        case (.reference(let target), .string(let id)): [(target, id)]
        case (.array(let element), .array(let items)): items.flatMap { references(in: $0, of: element) }
        default: []
        }
    }
}
