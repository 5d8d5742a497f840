/// Where `progress.json` lives.
package enum ProgressLocation {
    /// Why no progress file could be named.
    package struct Unresolved: Error, Sendable, Equatable {
        /// One line for the learner, without the "marrow: " prefix.
        package var message: String
    }

    /// In order: `explicit` (the `--progress FILE` option), `MARROW_PROGRESS`,
    /// `$XDG_DATA_HOME/marrow/progress.json` (if absolute, as the XDG spec asks),
    /// `$HOME/.local/share/marrow/progress.json`. Empty values are ignored; a
    /// leading `~/` is expanded with `HOME`.
    ///
    /// The password database is never asked for a home folder: in the static build
    /// `getpwuid` goes through NSS and crashes for a user id with no entry. Without
    /// `HOME`, a path must be given; otherwise this throws "set HOME or pass --progress".
    package static func resolve(explicit: String?, environment: [String: String]) throws(Unresolved) -> String {
        try resolve(explicit: explicit, variable: { environment[$0] })
    }

    /// `resolve(explicit:environment:)` with this process's environment.
    package static func resolve(explicit: String?) throws(Unresolved) -> String {
        try resolve(explicit: explicit, variable: Environment.value)
    }

    /// `resolve`, reading each variable through `variable` (no dictionary of them is
    /// built at launch: its first use costs the Swift runtime a type lookup).
    private static func resolve(explicit: String?, variable: (String) -> String?) throws(Unresolved) -> String {
        let home = nonEmpty(variable("HOME"))
        func expand(_ path: String, from source: String) throws(Unresolved) -> String {
            guard path == "~" || path.hasPrefix("~/") else { return path }
            guard let home else {
                throw Unresolved(message: "\(source) starts with ~ but HOME is not set: set HOME or give the full path")
            }
            return home + path.dropFirst()
        }
        if let explicit = nonEmpty(explicit) { return try expand(explicit, from: "--progress") }
        if let env = nonEmpty(variable("MARROW_PROGRESS")) { return try expand(env, from: "MARROW_PROGRESS") }
        if let xdg = nonEmpty(variable("XDG_DATA_HOME")), xdg.hasPrefix("/") {
            return join(xdg, "marrow/progress.json")
        }
        if let home { return join(home, ".local/share/marrow/progress.json") }
        throw Unresolved(message: "no place for your progress: HOME is not set. Set HOME or pass --progress FILE (or set MARROW_PROGRESS)")
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }

    private static func join(_ folder: String, _ rest: String) -> String {
        folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
    }
}
