import Foundation

/// Builds the template contexts from the resolved IR: Swift names, Swift types, doc comments.
struct SwiftSDKModel: Sendable {
    let document: APIDocument
    let options: EmitOptions
    /// Types that get a model (every type but the common-fields page).
    let modelTypes: [String: APIType]
    let actionNames: ActionNameSplitter
    /// Fields resource pages hide, as the common page (resolved) states them.
    private let commonFields: [Field]
    /// `type.field` pairs that close a by-value cycle between models: these hold a `Box`.
    private let boxedFields: Set<String>
    /// Types a request can carry: their fields are `var`.
    private let requestTypes: Set<String>

    init(document: APIDocument, options: EmitOptions) {
        self.document = document
        self.options = options
        let models = Self.modelTypes(in: document)
        modelTypes = models
        actionNames = ActionNameSplitter(document: document)
        commonFields = document.types.first { $0.origin == .common }?.fields ?? []
        boxedFields = Self.cycleClosingFields(in: models)
        requestTypes = Self.typesRequestsCarry(in: models)
    }

    /// The types a request can carry: action inputs, and the types that creatable or updatable fields (and the
    /// fields of those types, all the way down) hold. Their models get `var` fields, to be changed in place; the
    /// others are what the server said, and `let` fields compile to less code (no setters).
    private static func typesRequestsCarry(in models: [String: APIType]) -> Set<String> {
        var carried = Set<String>()
        var pending: [String] = []
        func carry(_ type: TypeRef) {
            switch type {
            case .named(let name) where models[name] != nil: if carried.insert(name).inserted { pending.append(name) }
            case .array(let element), .map(let element): carry(element)
            default: break
            }
        }
        for type in models.values {
            for action in type.actions {
                if let input = action.input { carry(.named(input)) }
                action.inputFields.forEach { carry($0.type) }
            }
            for field in type.fields where type.kind == .resource && (field.create || field.update) { carry(field.type) }
        }
        while let name = pending.popLast() {
            models[name]?.fields.forEach { carry($0.type) }
        }
        return carried
    }

    /// Depth-first over fields that hold another model inline (arrays and maps are already on the heap);
    /// every edge back into the current path closes a cycle that Swift cannot lay out.
    private static func cycleClosingFields(in models: [String: APIType]) -> Set<String> {
        var boxed = Set<String>()
        var finished = Set<String>()
        var path: [String] = []
        func visit(_ name: String) {
            guard let type = models[name], !finished.contains(name) else { return }
            path.append(name)
            for field in type.fields {
                guard case .named(let target) = field.type, models[target] != nil else { continue }
                if path.contains(target) {
                    boxed.insert("\(name).\(field.name)")
                } else {
                    visit(target)
                }
            }
            path.removeLast()
            finished.insert(name)
        }
        for name in models.keys.sorted() { visit(name) }
        return boxed
    }

    var access: String { options.access.rawValue }

    /// The Swift name of an API type: the user's override (`names:` in apigen.yml), else the rule.
    func swiftTypeName(_ apiName: String) -> String {
        Self.swiftTypeName(apiName, options: options)
    }

    static func swiftTypeName(_ apiName: String, options: EmitOptions) -> String {
        options.typeNameOverrides[apiName] ?? SwiftNames.typeName(apiName)
    }

    /// Every type but the common-fields page, by name.
    static func modelTypes(in document: APIDocument) -> [String: APIType] {
        var models: [String: APIType] = [:]
        for type in document.types where type.origin != .common { models[type.name] = type }
        return models
    }

    var resources: [APIType] {
        modelTypes.values.filter { $0.kind == .resource && collectionPath(of: $0) != nil }.sorted { $0.name < $1.name }
    }

    // MARK: - Models

    func modelContext(for type: APIType) -> ModelContext {
        let typeName = swiftTypeName(type.name)
        let fields = fieldsWithCommon(of: type)
        var enums: [EnumContext] = []
        let properties = fields.enumerated().map { index, field in
            property(for: field, in: type, isLast: index == fields.count - 1, forceOptional: true, enums: &enums)
        }
        var create: PayloadContext?
        var update: PayloadContext?
        if type.kind == .resource {
            let creatable = type.fields.filter(\.create)
            if type.operations.contains(where: { $0.name == "create" }), !creatable.isEmpty {
                create = payload("Create", fields: creatable, in: type, requiredNonOptional: true, enums: &enums,
                                 doc: "The body of a request that creates a \(type.name).")
            }
            let updatable = type.fields.filter(\.update)
            if type.operations.contains(where: { $0.name == "update" }), !updatable.isEmpty {
                update = payload("Update", fields: updatable, in: type, requiredNonOptional: false, enums: &enums,
                                 doc: "The body of a request that changes a \(type.name): fields left `nil` are not sent.")
            }
        }
        var docLines = DocText.lines(type.description)
        if docLines.isEmpty {
            docLines = [type.kind == .resource ? "The `\(type.name)` resource." : "The `\(type.name)` type."]
        }
        if type.origin == .example {
            docLines += ["", "Inferred from the documentation's JSON examples: \(type.name) has no page of its own."]
        }
        let isResource = type.kind == .resource
        let isMutable = requestTypes.contains(type.name)
        let state = properties.first { $0.jsonKey == "state" }
        return ModelContext(
            access: access, moduleName: options.moduleName, apiName: type.name, apiNameLiteral: SwiftNames.stringLiteral(type.name),
            typeName: typeName, doc: DocText.comment(docLines),
            isResource: isResource, memberKeyword: isMutable ? "var" : "let",
            sharesStorage: isMutable && properties.count >= Self.sharedStorageMinimumFields,
            stateText: state.map { $0.type == "String" ? $0.name : "\($0.name)?.rawValue" },
            knownKeysLiteral: Self.keySetLiteral(properties), hashedProperties: Self.hashed(properties, isResource: isResource),
            properties: properties,
            needsCodingKeys: properties.contains(where: Self.renamesItsKey), enums: uniqued(enums),
            createPayload: create, updatePayload: update)
    }

    /// From this many fields on, a model that requests carry (`var` fields) keeps them in a copy-on-write
    /// object. Measured on the v1.6/v2-beta SDK (docs/performance.md): `LaunchConfig` inline made every type
    /// holding it carry its 123 fields' copy code; shared storage for the `let` types as well cost more
    /// accessors than it saved.
    static let sharedStorageMinimumFields = 16

    /// The JSON keys as one space-separated literal (`FieldKey.keySet`), or as an array where a key holds a space.
    static func keySetLiteral(_ properties: [PropertyContext]) -> String {
        let keys = properties.map(\.jsonKey)
        if keys.contains(where: { $0.contains(" ") }) { return "[" + keys.map(SwiftNames.stringLiteral).joined(separator: ", ") + "]" }
        return SwiftNames.stringLiteral(keys.joined(separator: " "))
    }

    /// The fields `hash(into:)` combines: a resource's identity (`id`, `type`, `name`), else the first three.
    /// Equal values hash alike whatever subset is hashed; hashing every field cost a large part of the build.
    static func hashed(_ properties: [PropertyContext], isResource: Bool) -> [PropertyContext] {
        let identity = properties.filter { ["id", "type", "name"].contains($0.jsonKey) }
        return isResource && !identity.isEmpty ? identity : Array(properties.prefix(3))
    }

    /// The type's fields; a resource also gets the common fields its page hides (from the common page, as
    /// resolved). The fixed standard fields (`id`, `type`, `links`, `transitioning`, …) keep the conventions'
    /// type whatever a page says, because the runtime's `RancherResource` relies on them; the standard fields
    /// a resource does not declare are read from its `additionalFields` by the runtime, typed, with no code
    /// in the model (`ResourceConventions`, `Runtime/Resource.swift`).
    func fieldsWithCommon(of type: APIType) -> [Field] {
        guard type.kind == .resource else { return type.fields }
        var names = Set<String>()
        return (type.fields + commonFields).filter { names.insert($0.name).inserted }.map(Self.conventional)
    }

    private static func conventional(_ field: Field) -> Field {
        guard let standard = ResourceConventions.standardField(named: field.name), standard.isFixed else { return field }
        var fixed = field
        fixed.type = standard.field.type
        fixed.options = standard.field.options
        if fixed.description.isEmpty { fixed.description = standard.field.description }
        return fixed
    }

    private func payload(
        _ name: String, fields: [Field], in type: APIType, requiredNonOptional: Bool, enums: inout [EnumContext],
        doc: String
    ) -> PayloadContext {
        // Required parameters first, so call sites read naturally.
        let ordered = fields.filter { requiredNonOptional && $0.required } + fields.filter { !(requiredNonOptional && $0.required) }
        let properties = ordered.enumerated().map { index, field in
            property(for: field, in: type, isLast: index == ordered.count - 1,
                     forceOptional: !(requiredNonOptional && field.required), enums: &enums)
        }
        return PayloadContext(typeName: name, isUpdate: name == "Update", doc: DocText.comment([doc]), properties: properties,
                              hashedProperties: Self.hashed(properties, isResource: false),
                              needsCodingKeys: properties.contains(where: Self.renamesItsKey),
                              hasRequired: properties.contains { !$0.isOptional })
    }

    private func property(
        for field: Field, in type: APIType, isLast: Bool, forceOptional: Bool, enums: inout [EnumContext]
    ) -> PropertyContext {
        let name = SwiftNames.memberName(field.name)
        var swiftType = swiftType(field.type)
        if boxedFields.contains("\(type.name).\(field.name)") {
            swiftType = "Box<\(swiftType)>"
        } else if field.name == "id", field.type.innermost != .scalar(.json) {
            swiftType = "ID"  // Rancher IDs are strings such as "1h5", whatever the table says (often `int`).
        } else if type.kind == .resource, let runtimeType = Self.runtimeFieldTypes[field.name] {
            swiftType = runtimeType
        } else if case .scalar(.enum) = field.type.innermost, let options = field.options, !options.isEmpty {
            let enumContext = enumeration(for: field, options: options)
            enums.append(enumContext)
            swiftType = wrap(field.type, around: enumContext.typeName)
        }
        return PropertyContext(
            name: SwiftNames.declaration(name), jsonKey: field.name, jsonKeyLiteral: SwiftNames.stringLiteral(field.name),
            type: swiftType, isOptional: forceOptional,
            doc: DocText.comment(DocText.fieldLines(field, isResourceField: type.kind == .resource)), separator: isLast ? "" : ",")
    }

    /// Resource fields whose Swift type the runtime declares, so that generic code (`RancherResource`) can
    /// read them on any resource.
    private static let runtimeFieldTypes = ["transitioning": "Transitioning"]

    private func enumeration(for field: Field, options: [String]) -> EnumContext {
        var typeName = SwiftNames.typeName(field.name)
        if SwiftNames.nestedTypeNames.contains(typeName) { typeName += "Value" }
        // An option listed twice is one case (a repeated raw value does not compile); distinct options
        // that spell the same case name are numbered (`aB`, `aB2`).
        var listed = Set<String>()
        var seen = Set<String>()
        var nextSuffix: [String: Int] = [:]
        let cases = options.filter { listed.insert($0).inserted }.map { option -> EnumCaseContext in
            let base = SwiftNames.caseName(option)
            var name = base
            while !seen.insert(name).inserted {
                let suffix = nextSuffix[base, default: 2]
                nextSuffix[base] = suffix + 1
                name = base + String(suffix)
            }
            return EnumCaseContext(name: SwiftNames.declaration(name), rawLiteral: SwiftNames.stringLiteral(option))
        }
        let unknownCase = seen.contains("unknown") ? "undocumented" : "unknown"
        return EnumContext(
            typeName: typeName,
            doc: DocText.comment(["The values of `\(field.name)`; values the docs do not list are kept as `.\(unknownCase)`."]),
            cases: cases, unknownCase: unknownCase)
    }

    /// Whether the Swift name differs from the JSON key (backticks aside).
    private static func renamesItsKey(_ property: PropertyContext) -> Bool {
        property.name.trimmingCharacters(in: ["`"]) != property.jsonKey
    }

    private func uniqued(_ enums: [EnumContext]) -> [EnumContext] {
        var seen = Set<String>()
        return enums.filter { seen.insert($0.typeName).inserted }
    }

    /// The Swift type of a field: models where the IR names a type we emit, typed IDs for references.
    func swiftType(_ type: TypeRef) -> String {
        switch type {
        case .reference(let target?) where modelTypes[target] != nil: "\(swiftTypeName(target)).ID"
        case .reference: "String"
        case .named(let name) where modelTypes[name] != nil: swiftTypeName(name)
        case .named: "JSONValue"
        case .array(let element): "[\(swiftType(element))]"
        case .map(let value): "[String: \(swiftType(value))]"
        case .scalar: SwiftNames.swiftType(type)
        }
    }

    private func wrap(_ type: TypeRef, around name: String) -> String {
        switch type {
        case .array(let element): "[\(wrap(element, around: name))]"
        case .map(let value): "[String: \(wrap(value, around: name))]"
        default: name
        }
    }

    // MARK: - Clients

    /// The collection URL: the create path, else an item or action path without its `/${ID}…` tail.
    func collectionPath(of type: APIType) -> String? {
        if let create = type.operations.first(where: { $0.name == "create" }) { return create.path }
        let paths = type.operations.map(\.path) + type.actions.map(\.path)
        for path in paths {
            if let range = path.firstRange(ofText: "/${ID}") { return String(path[..<range.lowerBound]) }
        }
        return nil
    }

    func accessorName(of type: APIType) -> String {
        let collection = collectionPath(of: type) ?? type.name
        let plural = collection.split(separator: "/").last.map(String.init) ?? type.name
        return SwiftNames.declaration(SwiftNames.memberName(plural))
    }

    func clientContext(for type: APIType) -> ResourceClientContext? {
        guard let collection = collectionPath(of: type) else { return nil }
        let typeName = swiftTypeName(type.name)
        let fields = type.fields
        func operation(_ name: String, bodyType: String?, call: String) -> OperationContext? {
            type.operations.first { $0.name == name }.map {
                OperationContext(method: $0.method, path: $0.path, pathLiteral: SwiftNames.stringLiteral($0.path),
                                 bodyType: bodyType, call: call, requestPathLiteral: Self.requestPathLiteral($0.path))
            }
        }
        let createBody = fields.contains(where: \.create) ? typeName + ".Create" : nil
        let updateBody = fields.contains(where: \.update) ? typeName + ".Update" : nil
        var testNames = Set<String>()
        let actions = type.actions.map { action -> ActionContext in
            let input = action.input.flatMap { modelTypes[$0] != nil ? swiftTypeName($0) : nil }
            // An output type with no model is still a resource the server describes: the generic, lossless one.
            let output = action.output.map { modelTypes[$0] != nil ? swiftTypeName($0) : "Resource" }
            var doc = ["Runs the `\(action.name)` action: `\(action.method) \(action.path)`.", "", "- Parameters:",
                       "  - id: the `\(type.name)` to act on."]
            if let input = action.input { doc.append("  - input: the `\(input)` input.") }
            if let output = action.output { doc.append("- Returns: the `\(output)` the server answers with.") }
            let inputArgument = input.map { ", \($0)()" } ?? ""
            var methodName = actionNames.methodName(action.name)
            // An action may share a name with an operation or a collection call (`update`): keep them apart.
            if Self.collectionMemberNames.contains(methodName) { methodName += "Action" }
            let baseTestName = SwiftNames.capitalizedFirst(methodName)
            var testName = baseTestName
            var suffix = 2
            while !testNames.insert(testName).inserted {
                testName = baseTestName + String(suffix)
                suffix += 1
            }
            let actionQuery = action.path.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            return ActionContext(
                apiName: action.name, apiNameLiteral: SwiftNames.stringLiteral(action.name), methodName: SwiftNames.declaration(methodName),
                method: action.method, path: action.path, pathLiteral: SwiftNames.stringLiteral(action.path),
                doc: DocText.comment(doc), inputType: input,
                outputType: output ?? "JSONValue", hasOutput: output != nil,
                call: "\(methodName)(id: \"1a1\"\(inputArgument))", inputArgument: inputArgument,
                requestPathLiteral: Self.requestPathLiteral(action.path),
                queryLiteral: SwiftNames.stringLiteral(actionQuery), testName: testName)
        }
        return ResourceClientContext(
            access: access, moduleName: options.moduleName, apiName: type.name, typeName: typeName,
            clientTypeName: typeName + "Client", accessorName: accessorName(of: type), collectionPath: collection,
            collectionPathLiteral: SwiftNames.stringLiteral(collection),
            collectionRequestPathLiteral: Self.requestPathLiteral(collection),
            itemPathLiteral: SwiftNames.stringLiteral(collection + "/${ID}"),
            create: operation("create", bodyType: createBody,
                              call: createBody.map { "create(\($0)(\(requiredCreateArguments(of: type))))" } ?? "create()"),
            update: operation("update", bodyType: updateBody,
                              call: updateBody.map { "update(id: \"1a1\", \($0)())" } ?? "update(id: \"1a1\")"),
            delete: operation("delete", bodyType: nil, call: "delete(id: \"1a1\")"), actions: actions)
    }

    /// What a resource client already declares (its operations, and `ResourceCollectionClient`'s calls).
    static let collectionMemberNames: Set<String> = [
        "list", "all", "get", "create", "update", "delete", "client", "wait", "waitUntilSettled", "waitUntilRemoved",
    ]

    /// A docs path as the generated tests' server receives it: project `1a5`, ID `1a1`, no query.
    static func requestPathLiteral(_ path: String) -> String {
        let withoutQuery = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        return SwiftNames.stringLiteral(
            withoutQuery.replacingOccurrences(of: "${PROJECT_ID}", with: "1a5").replacingOccurrences(of: "${ID}", with: "1a1"))
    }

    /// `name: "name", networkDriver: NetworkDriver()`: placeholder values for the fields required on create,
    /// for usage examples and the generated tests.
    func requiredCreateArguments(of type: APIType) -> String {
        type.fields.filter { $0.create && $0.required }.map { field in
            let swiftType: String
            if case .scalar(.enum) = field.type, let options = field.options, !options.isEmpty {
                swiftType = "enum"
            } else {
                swiftType = self.swiftType(field.type)
            }
            return "\(SwiftNames.memberName(field.name)): \(Self.placeholder(for: swiftType))"
        }.joined(separator: ", ")
    }

    private static func placeholder(for swiftType: String) -> String {
        switch swiftType {
        case "String": "\"name\""
        case "Int": "1"
        case "Double": "1.5"
        case "Bool": "true"
        case "Date": "Date()"
        case "JSONValue": ".null"
        case "enum": ".init(rawValue: \"value\")"
        default:
            if swiftType.hasPrefix("[String:") { "[:]" } else if swiftType.hasPrefix("[") { "[]" } else if swiftType.hasSuffix(".ID") || swiftType == "ID" { "\"1a1\"" } else { "\(swiftType)()" }
        }
    }
}
