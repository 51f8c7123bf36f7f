// Copied into the generated seed package by GeneratedPackageTests (not compiled with apigen's own tests):
// the models' spelled-out Codable, Equatable and Hashable conformances, checked against real JSON.

import Foundation
import Testing
@testable import Rancher
@_spi(Generated) @testable import RancherRuntime

@Suite("Generated model conformances")
struct ModelCodingTests {
    static let serviceJSON = #"""
        {"id":"1s5","name":"web","scale":3,"assignServiceIpAddress":true,"instanceIds":["1i1","1i2"],
         "metadata":{"tier":"front","weight":2},"launchConfig":{"imageUuid":"docker:nginx","labels":{"a":"b"},
         "created":"2016-05-04T18:26:01.25Z","drainTimeoutMs":0,"runInit":false},"vip":null,"type":"networkDriverService",
         "links":{"self":"x"},"createdTS":1462386361250,"removed":null,"firstRunningTS":1462386400000,
         "transitioning":"no","upgrade":{"inServiceStrategy":{"batchSize":1,"futureKey":[1,{"a":null}]}}}
        """#

    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T { try Fixture.decode(type, json) }

    private func encode(_ value: some Encodable) throws -> String { try Fixture.encode(value) }

    @Test("Every field is read from its JSON key; absent and null fields are nil; other keys are kept")
    func decodesFields() throws {
        let service = try decode(NetworkDriverService.self, Self.serviceJSON)
        #expect(service.id == "1s5")
        #expect(service.name == "web")
        #expect(service.scale == 3)
        #expect(service.assignServiceIPAddress == true)
        #expect(service.instanceIDs == ["1i1", "1i2"])
        #expect(service.metadata == ["tier": .string("front"), "weight": .number(2)])
        #expect(service.launchConfig?.imageUUID == "docker:nginx")
        #expect(service.launchConfig?.labels == ["a": "b"])
        #expect(service.launchConfig?.created == Date(timeIntervalSince1970: 1_462_386_361.25))
        #expect(service.vip == nil)
        #expect(service.externalID == nil)
        // The standard resource fields, though the seed has no common page.
        #expect(service.type == "networkDriverService")
        #expect(service.links == ["self": "x"])
        #expect(service.createdTS == 1_462_386_361_250)
        #expect(service.transitioning == Transitioning.no)
        #expect(service.removed == nil)
        // Keys no page lists, at every level (the standard fields among them: the seed has no common page),
        // and documented keys sent as null.
        #expect(service.additionalFields == [
            "firstRunningTS": 1_462_386_400_000, "removed": nil, "vip": nil, "type": "networkDriverService",
            "links": ["self": "x"], "createdTS": 1_462_386_361_250, "transitioning": "no",
        ])
        #expect(service.launchConfig?.additionalFields == ["drainTimeoutMs": 0, "runInit": false])
        #expect(service.upgrade?.inServiceStrategy?.additionalFields["futureKey"] == [1, ["a": nil]])
    }

    @Test("A field of another JSON type than documented reads as nil, and is kept and sent back as it came")
    func wrongTypeIsKept() throws {
        let service = try decode(NetworkDriverService.self, #"{"scale":"three","name":"web"}"#)
        #expect(service.scale == nil)
        #expect(service.name == "web", "the other fields read as usual")
        #expect(service.jsonObject["scale"] == "three")
        #expect(try encode(service).contains(#""scale":"three""#))
        let nested = try decode(NetworkDriverService.self, #"{"launchConfig":{"imageUuid":7,"capAdd":["NET_ADMIN",1],"dataVolumeMounts":{"a":true}}}"#)
        #expect(nested.launchConfig != nil && nested.launchConfig?.imageUUID == nil && nested.launchConfig?.capAdd == nil)
        // Where the server and the docs disagree, every level down: what a check of real responses reports.
        #expect(service.typeMismatches().map(\.description) == ["scale: expected Int, found a string"])
        #expect(nested.typeMismatches().map(\.description) == [
            "launchConfig.capAdd[1]: expected String, found a number", "launchConfig.dataVolumeMounts.a: expected String, found a Boolean",
            "launchConfig.imageUuid: expected String, found a number",
        ])
        #expect(try decode(NetworkDriverService.self, Self.serviceJSON).typeMismatches().isEmpty, "nulls and unknown keys are fine")
        #expect(throws: DecodingError.self) { try decode(NetworkDriverService.self, #"["not an object"]"#) }
    }

    @Test("Encoding gives back the JSON that was decoded, every key and value; decoding it again gives an equal value")
    func roundTrip() throws {
        let service = try decode(NetworkDriverService.self, Self.serviceJSON)
        let json = try encode(service)
        let original = try decode(JSONValue.self, Self.serviceJSON)
        #expect(try decode(JSONValue.self, json) == original)
        #expect(json.contains(#""vip":null"#) && json.contains(#""links":{"self":"x"}"#))
        #expect(json.contains(#""created":"2016-05-04T18:26:01.25Z""#))
        let again = try decode(NetworkDriverService.self, json)
        #expect(again == service)
        #expect(again.launchConfig?.created == Date(timeIntervalSince1970: 1_462_386_361.25))
        #expect(try encode(again) == json)
    }

    @Test("A value changed in place keeps every other key, and a property set over a kept null wins")
    func readModifyWrite() throws {
        let service = try decode(NetworkDriverService.self, Self.serviceJSON)
        var launchConfig = try #require(service.launchConfig)
        launchConfig.imageUUID = "docker:nginx:1.25"
        var sent = try decode(JSONValue.self, try encode(launchConfig))
        #expect(sent["imageUuid"] == "docker:nginx:1.25")
        #expect(sent["drainTimeoutMs"] == 0 && sent["runInit"] == false && sent["labels"] == ["a": "b"])
        var withNull = try decode(LaunchConfig.self, #"{"imageUuid":null,"memory":5000000000}"#)
        #expect(withNull.memory == 5_000_000_000)
        withNull.imageUUID = "docker:redis"
        sent = try decode(JSONValue.self, try encode(withNull))
        #expect(sent == ["imageUuid": "docker:redis", "memory": 5_000_000_000])
    }

    @Test("A model is a value: changing a copy leaves the original, at any depth")
    func modelsAreValues() throws {
        // LaunchConfig (116 fields, carried by requests) holds its object; the object is copied on write.
        let service = try decode(NetworkDriverService.self, Self.serviceJSON)
        let original = try #require(service.launchConfig)
        var changed = original
        #expect(changed == original)
        changed.imageUUID = "docker:nginx:1.25"
        changed.additionalFields["runInit"] = true
        #expect(original.imageUUID == "docker:nginx" && original.additionalFields["runInit"] == false)
        #expect(service.launchConfig?.imageUUID == "docker:nginx")
        #expect(changed.imageUUID == "docker:nginx:1.25" && changed.labels == ["a": "b"])
        #expect(changed != original)
        // Values built apart with the same fields are equal.
        #expect(LaunchConfig(imageUUID: "a", memory: 1) == LaunchConfig(imageUUID: "a", memory: 1))
        var builtThenChanged = LaunchConfig(imageUUID: "a")
        let snapshot = builtThenChanged
        builtThenChanged.memory = 2
        #expect(snapshot.memory == nil && builtThenChanged.memory == 2)
    }

    @Test("Equality and hashing cover every field")
    func equalityAndHashing() throws {
        let service = try decode(NetworkDriverService.self, Self.serviceJSON)
        let same = try decode(NetworkDriverService.self, Self.serviceJSON)
        #expect(service == same)
        #expect(service.hashValue == same.hashValue)
        #expect(Set([service, same]).count == 1)
        let otherScale = try decode(NetworkDriverService.self, Self.serviceJSON.replacingOccurrences(of: #""scale":3"#, with: #""scale":4"#))
        #expect(service != otherScale)
        let nestedChange = try decode(NetworkDriverService.self, Self.serviceJSON.replacingOccurrences(of: "nginx", with: "httpd"))
        #expect(service != nestedChange)
        let undocumentedChange = try decode(
            NetworkDriverService.self, Self.serviceJSON.replacingOccurrences(of: "1462386400000", with: "1462386400001"))
        #expect(service != undocumentedChange)
        #expect(NetworkDriverService() == NetworkDriverService())
        #expect(NetworkDriverService(vip: "10.0.0.1") != NetworkDriverService())
    }

    @Test("Request bodies encode required fields always and optional ones only when set")
    func payloads() throws {
        let body = NetworkDriverService.Create(name: "web", networkDriver: NetworkDriver(), scale: 2)
        #expect(try encode(body) == #"{"name":"web","networkDriver":{},"scale":2}"#)
        #expect(body == NetworkDriverService.Create(name: "web", networkDriver: NetworkDriver(), scale: 2))
        #expect(body != NetworkDriverService.Create(name: "api", networkDriver: NetworkDriver(), scale: 2))
        #expect(try encode(NetworkDriverService.Update()) == "{}")
        // Extra keys go out as they are.
        let extra = NetworkDriverService.Create(name: "web", networkDriver: NetworkDriver(), additionalFields: ["vip": "10.0.0.9"])
        #expect(try encode(extra) == #"{"name":"web","networkDriver":{},"vip":"10.0.0.9"}"#)
        // A field given to the initializer wins over an additional key; a nil one leaves the key (a null to send).
        let both = NetworkDriverService.Create(
            name: "web", networkDriver: NetworkDriver(), additionalFields: ["name": "other", "scale": nil])
        #expect(try encode(both) == #"{"name":"web","networkDriver":{},"scale":null}"#)
        #expect(both.name == "web" && both.scale == nil && both.additionalFields == ["scale": nil])
    }

    @Test("An update sends null for a cleared field, and leaves out a field that is nil")
    func updateClearsWithNull() throws {
        var update = NetworkDriverService.Update(description: "old", scale: 2)
        update.clear(\.description)
        #expect(update.description == nil)
        #expect(try encode(update) == #"{"description":null,"scale":2}"#)
        update.description = "new"
        #expect(try encode(update) == #"{"description":"new","scale":2}"#)
        #expect(try encode(NetworkDriverService.Update(scale: 2)) == #"{"scale":2}"#)
    }
}
