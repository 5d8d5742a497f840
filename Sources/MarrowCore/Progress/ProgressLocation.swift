#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `progress.json` lives.
public enum ProgressLocation {
    /// In order: `explicit` (the `--progress FILE` option), `MARROW_PROGRESS`,
    /// `$XDG_DATA_HOME/marrow/progress.json` (if absolute, as the XDG spec asks),
    /// `$HOME/.local/share/marrow/progress.json`. Empty values are ignored; a
    /// leading `~/` is expanded with `HOME`. Without `HOME`, the home folder from
    /// the password database is used, and as a last resort the current folder.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        resolve(explicit: explicit, variable: { environment[$0] })
    }

    /// `resolve(explicit:environment:)` with this process's environment.
    public static func resolve(explicit: String?) -> String {
        resolve(explicit: explicit, variable: Environment.value)
    }

    /// `resolve`, reading each variable through `variable` (no dictionary of them is
    /// built at launch: its first use costs the Swift runtime a type lookup).
    private static func resolve(explicit: String?, variable: (String) -> String?) -> String {
        let home = nonEmpty(variable("HOME")) ?? passwordHome()
        func expand(_ path: String) -> String {
            guard let home, path == "~" || path.hasPrefix("~/") else { return path }
            return home + path.dropFirst()
        }
        if let explicit = nonEmpty(explicit) { return expand(explicit) }
        if let env = nonEmpty(variable("MARROW_PROGRESS")) { return expand(env) }
        if let xdg = nonEmpty(variable("XDG_DATA_HOME")), xdg.hasPrefix("/") {
            return join(xdg, "marrow/progress.json")
        }
        if let home { return join(home, ".local/share/marrow/progress.json") }
        return "marrow-progress.json"
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }

    private static func join(_ folder: String, _ rest: String) -> String {
        folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
    }

    private static func passwordHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return nonEmpty(String(cString: dir))
    }
}
