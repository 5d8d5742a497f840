import Foundation
import MarrowCore

/// A JSON value as text is written, not as a decoder reads it: objects keep their
/// keys in order and may repeat one, numbers keep their spelling (`1e400`,
/// `-0`, `9223372036854775808`), and raw text can stand for what no encoder
/// writes (`NaN`). For the state-file property tests.
indirect enum GenJSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([GenJSON])
    case object([(String, GenJSON)])
    /// Text put in as it is, valid JSON or not.
    case raw(String)

    static func == (a: GenJSON, b: GenJSON) -> Bool { a.text == b.text }

    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return LineWriter.quoted(s)
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { LineWriter.quoted($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        case .raw(let r): return r
        }
    }

    /// From a value Marrow's own reader gives (whole numbers written as integers).
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : "\(n)")
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(GenJSON.init))
        case .object(let o): self = .object(o.keys.sorted().map { ($0, GenJSON(o[$0]!)) })
        }
    }

    /// What kind of JSON value this is; text that is not JSON is `.invalid`.
    var shape: Shape {
        switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        case .raw: .invalid
        }
    }

    enum Shape: Sendable, Hashable, CaseIterable {
        case null, bool, number, string, array, object, invalid
        /// A field taken away or written twice.
        case structural
    }

    /// The value at `path` (as `paths` names it), or nil.
    func value(at path: [String]) -> GenJSON? {
        guard let head = path.first else { return self }
        switch self {
        case .object(let pairs): return pairs.first { $0.0 == head }?.1.value(at: Array(path.dropFirst()))
        case .array(let items): return head == "0" ? items.first?.value(at: Array(path.dropFirst())) : nil
        default: return nil
        }
    }

    /// Every path to a value in the tree (an array's first element stands for all).
    var paths: [[String]] {
        switch self {
        case .object(let pairs):
            return pairs.flatMap { key, value in [[key]] + value.paths.map { [key] + $0 } }
        case .array(let items):
            guard let first = items.first else { return [] }
            return [["0"]] + first.paths.map { ["0"] + $0 }
        default:
            return []
        }
    }

    /// The tree with the value at `path` changed by `mutation`.
    func mutated(at path: [String], _ mutation: Mutation) -> GenJSON {
        guard let head = path.first else { return self }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(var pairs):
            guard let i = pairs.firstIndex(where: { $0.0 == head }) else { return self }
            if rest.isEmpty {
                switch mutation {
                case .replace(let value): pairs[i].1 = value
                case .remove: pairs.remove(at: i)
                case .duplicateAfter(let value): pairs.insert((head, value), at: i + 1)
                case .duplicateBefore(let value): pairs.insert((head, value), at: i)
                }
            } else {
                pairs[i].1 = pairs[i].1.mutated(at: rest, mutation)
            }
            return .object(pairs)
        case .array(var items):
            guard head == "0", !items.isEmpty else { return self }
            if rest.isEmpty {
                switch mutation {
                case .replace(let value): items[0] = value
                case .remove: items.removeFirst()
                case .duplicateAfter(let value), .duplicateBefore(let value): items.insert(value, at: 0)
                }
            } else {
                items[0] = items[0].mutated(at: rest, mutation)
            }
            return .array(items)
        default:
            return self
        }
    }

    enum Mutation: Sendable {
        case replace(GenJSON)
        case remove
        /// The key again, after the original, with this value (the last one wins in most readers).
        case duplicateAfter(GenJSON)
        /// The key again, before the original.
        case duplicateBefore(GenJSON)
    }
}

/// The values of every JSON kind put in each field: huge, negative, fractional,
/// NaN-like, of the wrong type, odd dates and strings, deeply nested; plus a
/// missing field and a duplicated one.
enum StateFileGenerator {
    struct Kind: CustomStringConvertible, Sendable {
        var name: String
        var mutation: @Sendable () -> GenJSON.Mutation
        var description: String { name }

        /// The shape of the value it puts in (`.structural` for missing and duplicated).
        var shape: GenJSON.Shape {
            if case .replace(let value) = mutation() { return value.shape }
            return .structural
        }
    }

    static func replace(_ name: String, _ value: GenJSON) -> Kind { Kind(name: name) { .replace(value) } }

    static let kinds: [Kind] = [
        replace("Int.max", .number("9223372036854775807")),
        replace("Int.max + 1", .number("9223372036854775808")),
        replace("1e308", .number("1e308")),
        replace("1e400", .number("1e400")),
        replace("23 digits", .number("99999999999999999999999")),
        replace("-1", .number("-1")),
        replace("Int.min", .number("-9223372036854775808")),
        replace("-1e308", .number("-1e308")),
        replace("-0", .number("-0")),
        replace("0.5", .number("0.5")),
        replace("0", .number("0")),
        replace("\"NaN\"", .string("NaN")),
        replace("\"Infinity\"", .string("Infinity")),
        replace("NaN token", .raw("NaN")),
        replace("-Infinity token", .raw("-Infinity")),
        replace("text", .string("text")),
        replace("empty text", .string("")),
        replace("10 KB of text", .string(String(repeating: "x", count: 10_000))),
        replace("escapes in text", .string("\u{0}\u{1B}[2J\u{7}\n")),
        replace("true", .bool(true)),
        replace("false", .bool(false)),
        replace("null", .null),
        replace("empty list", .array([])),
        replace("mixed list", .array([.number("1"), .string("a"), .null])),
        replace("empty object", .object([])),
        replace("object", .object([("x", .number("1"))])),
        replace("month 13", .string("2026-13-45T99:00:00Z")),
        replace("year 0", .string("0000-01-01T00:00:00Z")),
        replace("year 9999", .string("9999-12-31T23:59:59Z")),
        replace("the epoch", .string("1970-01-01T00:00:00Z")),
        replace("a date with fractions", .string("2026-11-20T10:00:00.123Z")),
        replace("nested 600 deep", .raw(String(repeating: "[", count: 600) + String(repeating: "]", count: 600))),
        Kind(name: "missing") { .remove },
        Kind(name: "duplicated, text after") { .duplicateAfter(.string("text")) },
        Kind(name: "duplicated, -1 before") { .duplicateBefore(.number("-1")) },
    ]

    /// The kinds worth putting in a field that holds `original`: every kind of its own
    /// shape (each reaches the field's own reading: ranges, dates, lengths), `null`,
    /// missing and duplicated, and of every other shape one kind picked by `random`.
    /// A value of another shape fails the field's reading the same way whichever it
    /// is, and text that is not JSON fails the file's parse the same way wherever it
    /// is; picked per field, each of them still meets many fields.
    static func kinds(for original: GenJSON?, _ random: inout SplitMix64) -> [Kind] {
        let own = original?.shape
        var chosen: [Kind] = []
        for shape in GenJSON.Shape.allCases {
            let ofShape = kinds.filter { $0.shape == shape }
            if shape == own || shape == .null || shape == .structural {
                chosen += ofShape
            } else if !ofShape.isEmpty {
                chosen.append(ofShape[Int(random.next() % UInt64(ofShape.count))])
            }
        }
        return chosen
    }

    /// A kind picked by a seeded generator.
    static func kind(_ random: inout SplitMix64) -> Kind { kinds[Int(random.next() % UInt64(kinds.count))] }
}
