import Mustache

// swift-mustache finds a key through `Mirror` unless the value says where its children are; reflection
// took most of the emit time, so every context answers its own keys. Keep these in step with
// TemplateContexts.swift and Templates/README.md.

/// What every template renders from: its context, and `params` (apigen.yml's `params:`) beneath it, so that
/// `{{params.name}}` resolves inside any section.
struct TemplateRoot: MustacheParent {
    var context: any Sendable
    var params: TemplateParameters

    func child(named name: String) -> Any? {
        if let value = (context as? MustacheParent)?.child(named: name) { return value }
        return name == "params" ? params : nil
    }
}

/// The user's template parameters, by name.
struct TemplateParameters: MustacheParent, Sendable {
    var values: [String: String]

    func child(named name: String) -> Any? { values[name] }
}

extension ModelContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "moduleName": moduleName
        case "apiName": apiName
        case "apiNameLiteral": apiNameLiteral
        case "typeName": typeName
        case "doc": doc
        case "isResource": isResource
        case "memberKeyword": memberKeyword
        case "sharesStorage": sharesStorage
        case "fieldOwner": sharesStorage ? "self._storage" : "self"
        case "stateText": stateText
        case "knownKeysLiteral": knownKeysLiteral
        case "hashedProperties": hashedProperties
        case "properties": properties
        case "hasProperties": !properties.isEmpty
        case "needsCodingKeys": needsCodingKeys
        case "enums": enums
        case "createPayload": createPayload
        case "updatePayload": updatePayload
        default: nil
        }
    }
}

extension PropertyContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "jsonKey": jsonKey
        case "jsonKeyLiteral": jsonKeyLiteral
        case "type": type
        case "typeKind": typeKind
        case "isOptional": isOptional
        case "doc": doc
        case "separator": separator
        default: nil
        }
    }
}

extension EnumContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "typeName": typeName
        case "doc": doc
        case "cases": cases
        case "unknownCase": unknownCase
        default: nil
        }
    }
}

extension EnumCaseContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "rawLiteral": rawLiteral
        default: nil
        }
    }
}

extension PayloadContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "typeName": typeName
        case "isUpdate": isUpdate
        case "doc": doc
        case "properties": properties
        case "hashedProperties": hashedProperties
        case "hasProperties": !properties.isEmpty
        case "needsCodingKeys": needsCodingKeys
        case "hasRequired": hasRequired
        default: nil
        }
    }
}

extension ResourceClientContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "moduleName": moduleName
        case "apiName": apiName
        case "typeName": typeName
        case "clientTypeName": clientTypeName
        case "accessorName": accessorName
        case "collectionPath": collectionPath
        case "collectionPathLiteral": collectionPathLiteral
        case "collectionRequestPathLiteral": collectionRequestPathLiteral
        case "itemPathLiteral": itemPathLiteral
        case "create": create
        case "update": update
        case "delete": delete
        case "actions": actions
        default: nil
        }
    }
}

extension OperationContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "method": method
        case "path": path
        case "pathLiteral": pathLiteral
        case "bodyType": bodyType
        case "call": call
        case "requestPathLiteral": requestPathLiteral
        case "hasBody": bodyType != nil
        default: nil
        }
    }
}

extension ActionContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "apiName": apiName
        case "apiNameLiteral": apiNameLiteral
        case "inputArgument": inputArgument
        case "methodName": methodName
        case "method": method
        case "path": path
        case "pathLiteral": pathLiteral
        case "doc": doc
        case "inputType": inputType
        case "outputType": outputType
        case "hasOutput": hasOutput
        case "call": call
        case "requestPathLiteral": requestPathLiteral
        case "queryLiteral": queryLiteral
        case "testName": testName
        default: nil
        }
    }
}

extension PackageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "moduleName": moduleName
        case "docsVersion": docsVersion
        case "apiVersion": apiVersion
        case "resources": resources
        case "firstResource": firstResource
        case "types": types
        case "resourceModels": resourceModels
        case "deployExample": deployExample
        case "exampleAction": exampleAction
        default: nil
        }
    }
}

extension ResourceSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "typeName": typeName
        case "apiName": apiName
        case "apiNameLiteral": apiNameLiteral
        case "accessorName": accessorName
        case "summary": summary
        default: nil
        }
    }
}

extension TypeDocContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "moduleName": moduleName
        case "apiName": apiName
        case "typeName": typeName
        case "isResource": isResource
        case "description": description.isEmpty ? nil : description
        case "origin": origin
        case "isInferred": origin == "example"
        case "source": source
        case "fields": fields
        case "accessorName": accessorName
        case "operations": operations
        case "actions": actions
        case "hasUsage": !operations.isEmpty || !actions.isEmpty
        default: nil
        }
    }
}

extension FieldDocContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "apiName": apiName
        case "swiftName": swiftName
        case "apiType": DocText.tableCell(apiType)
        case "swiftType": DocText.tableCell(swiftType)
        case "create": create
        case "update": update
        case "defaultValue": DocText.tableCell(defaultValue)
        case "options": options.isEmpty ? nil : DocText.tableCell(options)
        case "notes": DocText.tableCell(notes)
        case "linkedType": linkedType
        default: nil
        }
    }
}

extension UsageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "summary": summary
        case "example": example
        default: nil
        }
    }
}

extension DocsIndexContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "moduleName": moduleName
        case "docsVersion": docsVersion
        case "apiVersion": apiVersion
        case "resources": resources
        case "types": types
        default: nil
        }
    }
}

extension DeployExampleContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "accessorName": accessorName
        case "launchConfigType": launchConfigType
        case "imageProperty": imageProperty
        case "upgradeType": upgradeType
        case "strategyType": strategyType
        case "finishMethod": finishMethod
        default: nil
        }
    }
}

extension ExampleActionContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "accessorName": accessorName
        case "methodName": methodName
        case "apiNameLiteral": apiNameLiteral
        default: nil
        }
    }
}
