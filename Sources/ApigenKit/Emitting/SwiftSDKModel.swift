import Foundation

/// Builds the template contexts from the resolved IR: Swift names, Swift types, doc comments.
struct SwiftSDKModel: Sendable {
    let document: APIDocument
    let options: EmitOptions
    /// Every Swift name and type: the one authority the diff shares.
    let swift: SwiftDeclarations

    init(document: APIDocument, options: EmitOptions) {
        self.document = document
        self.options = options
        swift = SwiftDeclarations(document: document, typeNameOverrides: options.typeNameOverrides)
    }

    /// Types that get a model (every type but the common-fields page), by name.
    var modelTypes: [String: APIType] { swift.modelTypes }

    var actionNames: ActionNameSplitter { swift.actionNames }

    var access: String { options.access.rawValue }

    func swiftTypeName(_ apiName: String) -> String { swift.typeName(apiName) }

    var resources: [APIType] {
        modelTypes.values.filter { $0.kind == .resource && collectionPath(of: $0) != nil }.sorted { $0.name < $1.name }
    }

    // MARK: - Models

    func modelContext(for type: APIType) -> ModelContext {
        let typeName = swiftTypeName(type.name)
        let fields = swift.fields(of: type)
        var enums: [EnumContext] = []
        let properties = fields.enumerated().map { index, field in
            property(for: field, in: type, isLast: index == fields.count - 1, forceOptional: true, enums: &enums)
        }
        var create: PayloadContext?
        var update: PayloadContext?
        if type.kind == .resource {
            let creatable = type.fields.filter(\.create)
            if type.servedOperations.contains(where: { $0.name == "create" }), !creatable.isEmpty {
                create = payload("Create", fields: creatable, in: type, requiredNonOptional: true, enums: &enums,
                                 doc: "The body of a request that creates a \(type.name).")
            }
            let updatable = type.fields.filter(\.update)
            if type.servedOperations.contains(where: { $0.name == "update" }), !updatable.isEmpty {
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
        let isMutable = swift.requestTypes.contains(type.name)
        let state = properties.first { $0.jsonKey == "state" }
        return ModelContext(
            access: access, moduleName: options.moduleName, apiName: type.name, apiNameLiteral: SwiftNames.stringLiteral(type.name),
            typeName: typeName, doc: DocText.comment(docLines),
            isResource: isResource, isMutable: isMutable,
            stateText: state.map { $0.type == "String" ? $0.name : "\($0.name)?.rawValue" },
            properties: properties,
            needsCodingKeys: properties.contains(where: Self.renamesItsKey), enums: uniqued(enums),
            createPayload: create, updatePayload: update)
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
                                                needsCodingKeys: properties.contains(where: Self.renamesItsKey),
                              hasRequired: properties.contains { !$0.isOptional })
    }

    private func property(
        for field: Field, in type: APIType, isLast: Bool, forceOptional: Bool, enums: inout [EnumContext]
    ) -> PropertyContext {
        let property = swift.property(for: field, in: type)
        if let enumeration = property.type.enumeration {
            enums.append(EnumContext(
                typeName: enumeration.typeName,
                doc: DocText.comment(["The values of `\(field.name)`; values the docs do not list are kept as `.\(enumeration.unknownCase)`."]),
                cases: enumeration.cases.map {
                    EnumCaseContext(name: SwiftNames.declaration($0.name), rawLiteral: SwiftNames.stringLiteral($0.rawValue))
                },
                unknownCase: enumeration.unknownCase))
        }
        return PropertyContext(
            name: property.declaration, jsonKey: field.name, jsonKeyLiteral: SwiftNames.stringLiteral(field.name),
            type: property.type.spelling, typeKind: property.type.kind, isOptional: forceOptional,
            doc: DocText.comment(DocText.fieldLines(field, isResourceField: type.kind == .resource)), separator: isLast ? "" : ",")
    }

    /// Whether the Swift name differs from the JSON key (backticks aside).
    private static func renamesItsKey(_ property: PropertyContext) -> Bool {
        property.name.trimmingCharacters(in: ["`"]) != property.jsonKey
    }

    private func uniqued(_ enums: [EnumContext]) -> [EnumContext] {
        var seen = Set<String>()
        return enums.filter { seen.insert($0.typeName).inserted }
    }
}
