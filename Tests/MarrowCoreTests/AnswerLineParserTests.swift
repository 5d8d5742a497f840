import Foundation
import Testing
@testable import MarrowCore

/// The fast answer-line reader gives exactly what JSONDecoder gives, or nil.
@Suite struct AnswerLineParserTests {
    private func decoded(_ line: String) -> AnswerRecord? {
        try? ProgressJSON.decoder().decode(AnswerRecord.self, from: Data(line.utf8))
    }

    private func fast(_ line: String) -> AnswerRecord? {
        AnswerLineParser.record(ArraySlice(Array(line.utf8)))
    }

    @Test func linesMarrowWritesTakeTheFastPath() {
        let records = [
            AnswerRecord(course: "hsct", lesson: "basics", question: "q1", chosen: [0, 2], correct: true,
                         time: Date(timeIntervalSince1970: 1_795_000_000), attempt: "3F2A", attemptTotal: 8),
            AnswerRecord(course: "hsct", lesson: "b", question: "q-2_x", chosen: [], correct: false,
                         time: Date(timeIntervalSince1970: 951_782_400), attempt: "A", attemptTotal: 0, fullQuiz: true, rating: .easy),
            AnswerRecord(course: "é", lesson: "😀", question: "q", chosen: [12], correct: true,
                         time: Date(timeIntervalSince1970: 0), attempt: "a", attemptTotal: 3, fullQuiz: false, rating: .hard),
        ]
        for record in records {
            let line = Array(AnswerLog.line(for: record).dropLast())
            #expect(AnswerLineParser.record(ArraySlice(line)) == record)
            #expect(AnswerLineParser.record(ArraySlice(line)) == decoded(String(decoding: line, as: UTF8.self)))
        }
    }

    @Test func unusualLinesAreLeftToJSONDecoder() {
        let unusual = [
            #"{"course":"c\"1","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00.5Z","attempt":"A","attemptTotal":4}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00+01:00","attempt":"A","attemptTotal":4}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4.0}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4,"extra":{"a":1}}"#,
            #"{"course":"c","course":"d","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4}"#,
            #"{"event":"grade","course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4}"#,
        ]
        for line in unusual {
            #expect(fast(line) == nil, "\(line)")
        }
    }

    @Test func brokenLinesAreNeverRecords() {
        let broken = [
            "",
            "{}",
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A"}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":"yes","time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-02-30T10:00:00Z","attempt":"A","attemptTotal":4}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4,"rating":9}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[01],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4}"#,
            #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4} x"#,
        ]
        for line in broken {
            #expect(fast(line) == nil, "\(line)")
        }
    }

    @Test func spacesAndNullsAreRead() {
        let line = #"{ "course" : "c", "lesson":"l","question":"q","chosen":[ 1 , 2 ],"correct":false,"time":"2024-02-29T23:59:59Z","attempt":"A","attemptTotal":-1,"rating":null,"fullQuiz":null}"#
        #expect(fast(line) != nil)
        #expect(fast(line) == decoded(line))
    }

    @Test func unknownKeysGoToJSONDecoderWhichIgnoresThem() {
        let line = #"{"course":"c","lesson":"l","question":"q","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A","attemptTotal":4,"new":"x"}"#
        #expect(fast(line) == nil)
        let parsed = AnswerLog.parse(Array((line + "\n").utf8), fileName: "h")
        #expect(parsed.records.count == 1)
        #expect(parsed.records.first == decoded(line))
    }

    @Test func timesMatchTheISOParser() {
        for text in ["1970-01-01T00:00:00Z", "2000-02-29T12:34:56Z", "2026-11-26T23:59:59Z", "2100-03-01T00:00:00Z", "1969-12-31T23:59:59Z"] {
            let expected = try? Date.ISO8601FormatStyle().parse(text)
            #expect(AnswerLineParser.isoTime(text) == expected, "\(text)")
        }
        #expect(AnswerLineParser.isoTime("2026-13-01T00:00:00Z") == nil)
        #expect(AnswerLineParser.isoTime("2026-11-26 23:59:59Z") == nil)
    }
}
