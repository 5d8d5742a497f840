#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math library's functions the model needs, so that no file outside
/// `System/` imports the platform's C library.
enum Math {
    /// `x` raised to the power `y`, the C library's `pow` (FSRS's numbers are
    /// checked against the reference implementation, which uses the same).
    static func pow(_ x: Double, _ y: Double) -> Double {
        #if canImport(Glibc)
        Glibc.pow(x, y)
        #else
        Darwin.pow(x, y)
        #endif
    }
}
