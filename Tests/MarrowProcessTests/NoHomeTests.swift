import Foundation
import Testing

/// HOME unset or empty, as a user id with no password entry (finding 4 of issue 12:
/// the static build crashed in `getpwuid`). A path given is used without asking the
/// password database; with no path at all, one clear line and exit 1.
@Suite(.timeLimit(.minutes(15))) struct NoHomeTests {
    /// A user id with no entry in /etc/passwd.
    static let stranger: uid_t = 12345

    /// `marrow arguments` as `stranger` (when the tests run as root) with HOME as
    /// given (nil: unset) and no other progress variable, under a time limit.
    static func run(_ arguments: [String], home: String?, extra: [String: String?] = [:]) throws -> Child.Result {
        let marrow = Fault.isRoot ? Fault.reachable.executable : Marrow.executable
        let prefix = Fault.isRoot ? ["/usr/bin/setpriv", "--reuid=\(stranger)", "--regid=\(stranger)", "--clear-groups", "--"] : []
        var env: [String: String?] = ["HOME": home, "XDG_DATA_HOME": nil, "MARROW_PROGRESS": nil, "MARROW_LESSONS": nil]
        for (k, v) in extra { env[k] = v }
        let folder = try Marrow.temporaryDirectory()
        chmod(folder, 0o777)
        return try Child.run(prefix + [marrow] + arguments, folder: folder, environment: env, timeout: 60)
    }

    static var course: String { Fault.isRoot ? Fault.reachable.course : Fault.course }

    /// A folder the stranger can write in.
    static func openFolder() throws -> String {
        let folder = try Marrow.temporaryDirectory()
        chmod(folder, 0o777)
        return folder
    }

    @Test(arguments: [nil, ""])
    func aGivenPathWorksWithoutHome(_ home: String?) throws {
        let folder = try Self.openFolder()
        let byOption = try Self.run(["progress", "--lessons", Self.course, "--progress", folder + "/p.json"], home: home)
        #expect(byOption.status == 0, "\(byOption.output)")
        let byVariable = try Self.run(["progress", "--lessons", Self.course], home: home, extra: ["MARROW_PROGRESS": folder + "/q.json"])
        #expect(byVariable.status == 0, "\(byVariable.output)")
        let byXDG = try Self.run(["progress", "--lessons", Self.course], home: home, extra: ["XDG_DATA_HOME": folder])
        #expect(byXDG.status == 0, "\(byXDG.output)")
        // validate and read never need a progress file.
        #expect(try Self.run(["validate", "--lessons", Self.course], home: home).status == 0)
        #expect(try Self.run(["read", "1", "--lessons", Self.course], home: home).status == 0)
    }

    @Test(arguments: [nil, ""])
    func noHomeAndNoPathIsOneClearLine(_ home: String?) throws {
        for command in [["progress"], ["quiz", "long-lesson", "--plain"], ["reset", "--yes"], []] {
            let r = try Self.run(command + ["--lessons", Self.course], home: home)
            #expect(r.status == 1, "\(command): \(r.output)")
            #expect(r.output == "marrow: no place for your progress: HOME is not set. Set HOME or pass --progress FILE (or set MARROW_PROGRESS)\n", "\(command)")
        }
    }
}
