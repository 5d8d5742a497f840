#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `progress.json` is a JSON object:
///
/// ```json
/// {
///   "schemaVersion" : 1,
///   "courses" : { "<course id>" : { "lessons" : { "<lesson id>" : { … } }, "lastPlace" : …, … } }
/// }
/// ```
///
/// Dates are ISO 8601 strings in UTC (`2026-11-26T23:59:59Z`). Fields this version
/// does not know are kept, at the top level and inside course and lesson objects,
/// so an older Marrow never drops what a newer one wrote.
extension LearnerProgress: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case schemaVersion, courses }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        courses = try c.decodeIfPresent([String: CourseProgress].self, forKey: .courses) ?? [:]
        unknownFields = try decoder.unknownFields(known: CodingKeys.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(courses, forKey: .courses)
        try encoder.encodeUnknownFields(unknownFields)
    }
}

/// The JSON settings of `progress.json` (and for reading the answer log).
enum ProgressJSON {
    /// Pretty and key-sorted: the file is small and people may read or diff it.
    static func stateEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}

/// A coding key for any field name, used to find the fields a type does not know.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// The object's fields whose names are not among `known`, decoded as raw JSON.
    func unknownFields<K: CodingKey & CaseIterable>(known: K.Type) throws -> [String: JSONValue] {
        let knownNames = Set(K.allCases.map(\.stringValue))
        let all = try container(keyedBy: AnyCodingKey.self)
        var result: [String: JSONValue] = [:]
        for key in all.allKeys where !knownNames.contains(key.stringValue) {
            result[key.stringValue] = try all.decode(JSONValue.self, forKey: key)
        }
        return result
    }
}

extension Encoder {
    /// Writes fields kept from a file back into the current object.
    func encodeUnknownFields(_ fields: [String: JSONValue]) throws {
        guard !fields.isEmpty else { return }
        var c = container(keyedBy: AnyCodingKey.self)
        for (name, value) in fields {
            try c.encode(value, forKey: AnyCodingKey(name))
        }
    }
}
