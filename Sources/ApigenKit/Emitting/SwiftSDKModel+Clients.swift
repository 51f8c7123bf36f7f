import Foundation

// The resource clients' contexts: collection paths, accessors, operations and typed actions.
extension SwiftSDKModel {
    func collectionPath(of type: APIType) -> String? { type.collectionPath }

    func accessorName(of type: APIType) -> String {
        SwiftNames.declaration(SwiftNames.memberName(type.collectionName ?? type.name))
    }

    func clientContext(for type: APIType) -> ResourceClientContext? {
        guard let collection = collectionPath(of: type) else { return nil }
        let typeName = swiftTypeName(type.name)
        let fields = type.fields
        func operation(_ name: String, bodyType: String?, call: String) -> OperationContext? {
            type.servedOperations.first { $0.name == name }.map {
                OperationContext(method: $0.method, path: $0.path, pathLiteral: SwiftNames.stringLiteral($0.path),
                                 bodyType: bodyType, call: call, requestPathLiteral: Self.requestPathLiteral($0.path))
            }
        }
        let createBody = fields.contains(where: \.create) ? typeName + ".Create" : nil
        let updateBody = fields.contains(where: \.update) ? typeName + ".Update" : nil
        var testNames = Set<String>()
        let actions = type.actions.map { action -> ActionContext in
            let input = swift.inputType(of: action)
            let output = swift.outputType(of: action)
            var doc = ["Runs the `\(action.name)` action: `\(action.method) \(action.path)`.", "", "- Parameters:",
                       "  - id: the `\(type.name)` to act on."]
            if let input = action.input { doc.append("  - input: the `\(input)` input.") }
            if let output = action.output { doc.append("- Returns: the `\(output)` the server answers with.") }
            let inputArgument = input.map { ", \($0)()" } ?? ""
            let methodName = swift.methodName(forAction: action.name)
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
            let property = swift.property(for: field, in: type)
            return "\(property.name): \(Self.placeholder(for: property.type))"
        }.joined(separator: ", ")
    }

    private static func placeholder(for type: SwiftType) -> String {
        switch type {
        case .standard("Int"): "1"
        case .standard("Double"): "1.5"
        case .standard("Bool"): "true"
        case .standard("Date"): "Date()"
        case .standard("JSONValue"), .jsonFallback: ".null"
        case .id, .ownID: "\"1a1\""
        case .standard: "\"name\""
        case .enumeration, .runtime: ".init(rawValue: \"value\")"
        case .model(let name): "\(name)()"
        case .array: "[]"
        case .dictionary: "[:]"
        }
    }
}
