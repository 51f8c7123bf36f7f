import Mustache

// What each context answers, as one table per context: the lookup swift-mustache calls (`child(named:)`:
// reflection took most of the emit time, so every context answers its own keys), the shapes the template
// check walks (`TemplateKeyCheck`), and what `apigen context` prints, all from the same entries. Keep them in
// step with TemplateContexts.swift and Templates/README.md.

/// What every template renders from: its context, and `params` (apigen.yml's `params:`) beneath it, so that
/// `{{params.name}}` resolves inside any section.
struct TemplateRoot: MustacheParent {
    var context: any TemplateContext
    var params: TemplateParameters

    func child(named name: String) -> Any? {
        if let value = context.child(named: name) { return value }
        return name == "params" ? params : nil
    }
}

/// The user's template parameters, by name.
struct TemplateParameters: MustacheParent, Sendable {
    var values: [String: String]

    func child(named name: String) -> Any? { values[name] }
}

extension ModelContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<ModelContext>> = [
        "access": .text { $0.access },
        "moduleName": .text { $0.moduleName },
        "apiName": .text { $0.apiName },
        "apiNameLiteral": .text { $0.apiNameLiteral },
        "typeName": .text { $0.typeName },
        "doc": .texts { $0.doc },
        "isResource": .flag { $0.isResource },
        "isMutable": .flag { $0.isMutable },
        "stateText": .text { $0.stateText },
        "properties": .list(PropertyContext.self) { $0.properties },
        "hasProperties": .flag { !$0.properties.isEmpty },
        "needsCodingKeys": .flag { $0.needsCodingKeys },
        "enums": .list(EnumContext.self) { $0.enums },
        "createPayload": .object(PayloadContext.self) { $0.createPayload },
        "updatePayload": .object(PayloadContext.self) { $0.updatePayload },
    ]
}

extension PropertyContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<PropertyContext>> = [
        "name": .text { $0.name },
        "jsonKey": .text { $0.jsonKey },
        "jsonKeyLiteral": .text { $0.jsonKeyLiteral },
        "type": .text { $0.type },
        "typeKind": .text { $0.typeKind },
        "isOptional": .flag { $0.isOptional },
        "doc": .texts { $0.doc },
        "separator": .text { $0.separator },
    ]
}

extension EnumContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<EnumContext>> = [
        "typeName": .text { $0.typeName },
        "doc": .texts { $0.doc },
        "cases": .list(EnumCaseContext.self) { $0.cases },
        "unknownCase": .text { $0.unknownCase },
    ]
}

extension EnumCaseContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<EnumCaseContext>> = [
        "name": .text { $0.name },
        "rawLiteral": .text { $0.rawLiteral },
    ]
}

extension PayloadContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<PayloadContext>> = [
        "typeName": .text { $0.typeName },
        "isUpdate": .flag { $0.isUpdate },
        "doc": .texts { $0.doc },
        "properties": .list(PropertyContext.self) { $0.properties },
        "hasProperties": .flag { !$0.properties.isEmpty },
        "needsCodingKeys": .flag { $0.needsCodingKeys },
        "hasRequired": .flag { $0.hasRequired },
    ]
}

extension ResourceClientContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<ResourceClientContext>> = [
        "access": .text { $0.access },
        "moduleName": .text { $0.moduleName },
        "apiName": .text { $0.apiName },
        "typeName": .text { $0.typeName },
        "clientTypeName": .text { $0.clientTypeName },
        "accessorName": .text { $0.accessorName },
        "collectionPath": .text { $0.collectionPath },
        "collectionPathLiteral": .text { $0.collectionPathLiteral },
        "collectionRequestPathLiteral": .text { $0.collectionRequestPathLiteral },
        "itemPathLiteral": .text { $0.itemPathLiteral },
        "create": .object(OperationContext.self) { $0.create },
        "update": .object(OperationContext.self) { $0.update },
        "delete": .object(OperationContext.self) { $0.delete },
        "actions": .list(ActionContext.self) { $0.actions },
    ]
}

extension OperationContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<OperationContext>> = [
        "method": .text { $0.method },
        "path": .text { $0.path },
        "pathLiteral": .text { $0.pathLiteral },
        "bodyType": .text { $0.bodyType },
        "call": .text { $0.call },
        "requestPathLiteral": .text { $0.requestPathLiteral },
        "hasBody": .flag { $0.bodyType != nil },
    ]
}

extension ActionContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<ActionContext>> = [
        "apiName": .text { $0.apiName },
        "apiNameLiteral": .text { $0.apiNameLiteral },
        "inputArgument": .text { $0.inputArgument },
        "methodName": .text { $0.methodName },
        "method": .text { $0.method },
        "path": .text { $0.path },
        "pathLiteral": .text { $0.pathLiteral },
        "doc": .texts { $0.doc },
        "inputType": .text { $0.inputType },
        "outputType": .text { $0.outputType },
        "hasOutput": .flag { $0.hasOutput },
        "call": .text { $0.call },
        "requestPathLiteral": .text { $0.requestPathLiteral },
        "queryLiteral": .text { $0.queryLiteral },
        "testName": .text { $0.testName },
    ]
}

extension PackageContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<PackageContext>> = [
        "access": .text { $0.access },
        "moduleName": .text { $0.moduleName },
        "docsVersion": .text { $0.docsVersion },
        "apiVersion": .text { $0.apiVersion },
        "resources": .list(ResourceSummary.self) { $0.resources },
        "firstResource": .object(ResourceSummary.self) { $0.firstResource },
        "types": .list(ResourceSummary.self) { $0.types },
        "resourceModels": .list(ResourceSummary.self) { $0.resourceModels },
        "deployExample": .object(DeployExampleContext.self) { $0.deployExample },
        "exampleAction": .object(ExampleActionContext.self) { $0.exampleAction },
        "modules": .list(ModuleContext.self) { $0.modules.map(ModuleContext.init) },
        "hasSeveralModules": .flag { $0.modules.count > 1 },
    ]
}

/// A `PackageModule` as templates see it.
struct ModuleContext: TemplateContext {
    var module: PackageModule
    var moduleName: String { module.moduleName }
    var docsVersion: String { module.docsVersion }
    var apiVersion: String { module.apiVersion }

    init(_ module: PackageModule) { self.module = module }

    static let templateKeys: KeyValuePairs<String, TemplateKey<ModuleContext>> = [
        "moduleName": .text { $0.moduleName },
        "docsVersion": .text { $0.docsVersion },
        "apiVersion": .text { $0.apiVersion },
    ]
}

extension ResourceSummary: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<ResourceSummary>> = [
        "typeName": .text { $0.typeName },
        "apiName": .text { $0.apiName },
        "apiNameLiteral": .text { $0.apiNameLiteral },
        "accessorName": .text { $0.accessorName },
        "summary": .text { $0.summary },
    ]
}

extension TypeDocContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<TypeDocContext>> = [
        "access": .text { $0.access },
        "moduleName": .text { $0.moduleName },
        "apiName": .text { $0.apiName },
        "typeName": .text { $0.typeName },
        "isResource": .flag { $0.isResource },
        "description": .text { $0.description.isEmpty ? nil : DocText.markdownDescription($0.description) },
        "origin": .text { $0.origin },
        "isInferred": .flag { $0.origin == "example" },
        "source": .text { $0.source },
        "fields": .list(FieldDocContext.self) { $0.fields },
        "accessorName": .text { $0.accessorName },
        "operations": .list(UsageContext.self) { $0.operations },
        "actions": .list(UsageContext.self) { $0.actions },
        "hasUsage": .flag { !$0.operations.isEmpty || !$0.actions.isEmpty },
        "title": .text { $0.title },
        "embeddedTypes": .texts { $0.embeddedTypes },
        "hasEmbeddedTypes": .flag { !$0.embeddedTypes.isEmpty },
        "hasCreatePayload": .flag { $0.hasCreatePayload },
        "hasUpdatePayload": .flag { $0.hasUpdatePayload },
    ]
}

extension FieldDocContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<FieldDocContext>> = [
        "apiName": .text { $0.apiName },
        "swiftName": .text { $0.swiftName },
        "apiType": .text { DocText.tableCell($0.apiType) },
        "swiftType": .text { DocText.tableCell($0.swiftType) },
        "create": .text { $0.create },
        "update": .text { $0.update },
        "defaultValue": .text { DocText.tableCell($0.defaultValue) },
        "options": .text { $0.options.isEmpty ? nil : DocText.tableCell($0.options) },
        "notes": .text { DocText.tableCell($0.notes) },
        "notesText": .text { $0.notes.isEmpty ? nil : DocText.oneLine($0.notes) },
        "usage": .text { $0.usage },
        "linkedType": .text { $0.linkedType },
    ]
}

extension UsageContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<UsageContext>> = [
        "name": .text { $0.name },
        "summary": .text { $0.summary },
        "example": .texts { $0.example },
    ]
}

extension DocsIndexContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<DocsIndexContext>> = [
        "access": .text { $0.access },
        "moduleName": .text { $0.moduleName },
        "docsVersion": .text { $0.docsVersion },
        "apiVersion": .text { $0.apiVersion },
        "resources": .list(TypeDocContext.self) { $0.resources },
        "types": .list(TypeDocContext.self) { $0.types },
        "unattachedTypes": .list(TypeDocContext.self) { $0.unattachedTypes },
    ]
}

extension DeployExampleContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<DeployExampleContext>> = [
        "accessorName": .text { $0.accessorName },
        "launchConfigType": .text { $0.launchConfigType },
        "imageProperty": .text { $0.imageProperty },
        "upgradeType": .text { $0.upgradeType },
        "strategyType": .text { $0.strategyType },
        "finishMethod": .text { $0.finishMethod },
    ]
}

extension ExampleActionContext: TemplateContext {
    static let templateKeys: KeyValuePairs<String, TemplateKey<ExampleActionContext>> = [
        "accessorName": .text { $0.accessorName },
        "methodName": .text { $0.methodName },
        "apiNameLiteral": .text { $0.apiNameLiteral },
    ]
}
