import MarrowCore
import Testing

/// Where progress goes when HOME is missing: never the password database (the
/// static build's `getpwuid` crashes through NSS for a user id with no entry).
@Suite struct ProgressLocationTests {
    @Test(arguments: [[String: String](), ["HOME": ""]])
    func aGivenPathNeedsNoHome(_ env: [String: String]) throws {
        #expect(try ProgressLocation.resolve(explicit: "/x/p.json", environment: env) == "/x/p.json")
        #expect(try ProgressLocation.resolve(explicit: nil, environment: env.merging(["MARROW_PROGRESS": "/m/p.json"]) { $1 }) == "/m/p.json")
        #expect(try ProgressLocation.resolve(explicit: nil, environment: env.merging(["XDG_DATA_HOME": "/d"]) { $1 }) == "/d/marrow/progress.json")
    }

    /// Without HOME and without a path, one clear error instead of a home folder
    /// from the password database (the old fallback gave /root/… for root).
    @Test(arguments: [[String: String](), ["HOME": ""], ["HOME": "", "XDG_DATA_HOME": "relative"]])
    func noHomeAndNoPathIsAClearError(_ env: [String: String]) {
        #expect(throws: ProgressLocation.Unresolved.self) { try ProgressLocation.resolve(explicit: nil, environment: env) }
        do {
            _ = try ProgressLocation.resolve(explicit: nil, environment: env)
        } catch {
            #expect(error.message.contains("Set HOME or pass --progress"))
        }
    }

    @Test func aTildeWithoutHomeIsAClearError() {
        do {
            let path = try ProgressLocation.resolve(explicit: "~/p.json", environment: [:])
            Issue.record("resolved to \(path)")
        } catch {
            #expect(error.message == "--progress starts with ~ but HOME is not set: set HOME or give the full path")
        }
    }
}
