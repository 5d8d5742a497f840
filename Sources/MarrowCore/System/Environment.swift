#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Environment variables read one by one with `getenv`. At launch this is much
/// cheaper than `ProcessInfo.processInfo.environment`, which first builds a
/// dictionary of every variable (and a dictionary's first use costs the Swift
/// runtime a type lookup).
package enum Environment {
    /// The variable's value, nil when it is not set.
    package static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
