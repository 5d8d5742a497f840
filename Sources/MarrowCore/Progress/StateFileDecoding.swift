#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProgressStore {
    enum StateRead: Sendable {
        case missing
        case usable(LearnerProgress, migratedFrom: Int?)
        /// Marrow's own state gone bad; its problem as a phrase after its name: "is empty".
        case unusable(String)
        /// Not Marrow's state at all: never moved or replaced. The problem as a phrase
        /// after the path ("is a folder"), and a state file to suggest instead.
        case foreign(String, suggestion: String)
        case newer(Int)
    }

    func readState() throws(ProgressStoreError) -> StateRead {
        let kind: FileKind
        do { kind = try FileIO.kind(path) } catch {
            throw .cannotRead(file: path, reason: error.sentence)
        }
        let beside = StateFileCheck.suggestion(for: path, isFolder: false)
        switch kind {
        case .missing: return .missing
        case .directory: return .foreign("is a folder", suggestion: StateFileCheck.suggestion(for: path, isFolder: true))
        case .other: return .foreign("is \(StateFileCheck.typeName(path, followLink: false)), not a file", suggestion: StateFileCheck.suggestion(for: path, isFolder: false, isFile: false))
        case .symlink:
            switch try? FileIO.kind(path, followLink: true) {
            case .regular: break
            case .missing: return .foreign("is a link to a file that does not exist", suggestion: beside)
            case .directory: return .foreign("is a link to a folder", suggestion: beside)
            case .other: return .foreign("is a link to \(StateFileCheck.typeName(path, followLink: true)), not a file", suggestion: StateFileCheck.suggestion(for: path, isFolder: false, isFile: false))
            case .symlink, nil: return .foreign("is a link that cannot be followed", suggestion: beside)
            }
        case .regular: break
        }
        if let problem = StateFileCheck.companionProblem(path) { return .foreign(problem, suggestion: beside) }
        let bytes: [UInt8]
        do { bytes = try FileIO.readFile(path, limit: StateFileCheck.sizeLimit) } catch {
            if error.isTooLarge { return .foreign("is far larger than a progress file", suggestion: beside) }
            // Unreadable: nothing tells whether it is Marrow's, so it is left alone.
            throw .cannotRead(file: path, reason: error.reason)
        }
        let read = Self.decodeState(bytes)
        if case .unusable = read, !StateFileCheck.startsLikeState(bytes) {
            return .foreign("is not a Marrow progress file (it does not start like one)", suggestion: beside)
        }
        return read
    }

    /// Why bytes that are not JSON to the decoder were refused.
    private static func notJSON(_ bytes: [UInt8]) -> String {
        JSONDepth.exceeds(bytes) ? "is nested too deeply to be a progress file (over \(JSONDepth.decoderLimit) levels of [ and {)"
            : "is not valid JSON (it may have been cut short)"
    }

    /// Classifies and decodes the bytes of a state file.
    static func decodeState(_ bytes: [UInt8]) -> StateRead {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .unusable("is empty") }
        guard String(validating: bytes, as: UTF8.self) != nil else { return .unusable("is not valid UTF-8 text") }
        let data = Data(bytes)
        let decoder = ProgressJSON.decoder()
        let version: Int
        do {
            version = try decoder.decode(SchemaHeader.self, from: data).schemaVersion
        } catch let error as DecodingError {
            if case .dataCorrupted = error {
                // Valid JSON whose schemaVersion is a number no Int holds (1e30) is not "cut short".
                if (try? decoder.decode([String: JSONValue].self, from: data)) != nil {
                    return .unusable("has no usable schemaVersion (at schemaVersion: expected a whole number)")
                }
                return .unusable(Self.notJSON(bytes))
            }
            return .unusable("has no usable schemaVersion (\(Self.describe(error)))")
        } catch {
            return .unusable(Self.notJSON(bytes))
        }
        if version > LearnerProgress.currentSchemaVersion { return .newer(version) }
        do {
            if version == LearnerProgress.currentSchemaVersion {
                return .usable(try decoder.decode(LearnerProgress.self, from: data), migratedFrom: nil)
            }
            let object = try decoder.decode([String: JSONValue].self, from: data)
            let migrated = try Migrations.migrate(object, from: version)
            let progress = try decoder.decode(LearnerProgress.self, from: ProgressJSON.stateEncoder().encode(migrated))
            return .usable(progress, migratedFrom: version)
        } catch let error as MigrationError {
            return .unusable(error.description)
        } catch let error as DecodingError {
            return .unusable("has unexpected content (\(Self.describe(error)))")
        } catch {
            return .unusable("has unexpected content (\(error))")
        }
    }

    /// A short account of a decoding error: where and what was expected.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "at the top" : "at " + keys.joined(separator: ".")
        }
        switch error {
        case let .typeMismatch(type, context): return "\(path(context)): expected \(Self.typeName(type))"
        case let .valueNotFound(type, context): return "\(path(context)): expected \(Self.typeName(type))"
        case let .keyNotFound(key, context): return "\(path(context)): missing \(key.stringValue)"
        case let .dataCorrupted(context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Date.Type: return "a date"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Dictionary") { return "an object" }
            if name.hasPrefix("Array") { return "a list" }
            return "an object"
        }
    }
}

private struct SchemaHeader: Decodable {
    var schemaVersion: Int
}
