#if canImport(Glibc)
import Glibc
#endif

/// `marrow-bench`: the in-process measurements of `Benchmarks/run` (not shipped).
///
/// Each subcommand prints `RESULT <name> <value>` lines (times in milliseconds)
/// for the runner to collect, and exits 1 with one line on standard error on misuse.
///
///     marrow-bench load DIR...           load + validate each course folder
///     marrow-bench save STATE [N]        append + save one answer, N times
///     marrow-bench render DIR [N]        reader: update + render per keystroke
///     marrow-bench fsync FOLDER [N]      the disk's floor: a save's three fsyncs, tiny files
///     marrow-bench startup DIR STATE [N] what marrow does before its first screen, by phase
///     marrow-bench log STATE [N]         read the whole answer log
///     marrow-bench seed STATE DIR        write STATE from its answer log (disclaimer seen)
@main
enum MarrowBench {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let command = arguments.first else { usage() }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "load" where !rest.isEmpty:
            LoadBench.run(directories: rest)
        case "save" where rest.count == 1 || rest.count == 2:
            SaveBench.run(statePath: rest[0], count: rest.count == 2 ? Int(rest[1]) ?? 50 : 50)
        case "render" where rest.count == 1 || rest.count == 2:
            RenderBench.run(directory: rest[0], count: rest.count == 2 ? Int(rest[1]) ?? 500 : 500)
        case "fsync" where rest.count == 1 || rest.count == 2:
            FsyncBench.run(folder: rest[0], count: rest.count == 2 ? Int(rest[1]) ?? 50 : 50)
        case "startup" where rest.count == 2 || rest.count == 3:
            StartupBench.run(directory: rest[0], statePath: rest[1], count: rest.count == 3 ? Int(rest[2]) ?? 10 : 10)
        case "log" where rest.count == 1 || rest.count == 2:
            LogBench.run(statePath: rest[0], count: rest.count == 2 ? Int(rest[1]) ?? 10 : 10)
        case "seed" where rest.count == 2:
            Seed.run(statePath: rest[0], directory: rest[1])
        default:
            usage()
        }
    }

    static func usage() -> Never {
        fail("usage: marrow-bench load DIR... | save STATE [N] | render DIR [N] | fsync FOLDER [N] | startup DIR STATE [N] | log STATE [N] | seed STATE DIR")
    }
}

/// Prints one line to standard error and exits 1.
func fail(_ message: String) -> Never {
    let line = "marrow-bench: " + message + "\n"
    _ = Array(line.utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

/// One result line for the runner.
func report(_ name: String, _ value: Double) {
    print("RESULT \(name) \(Measure.format(value))")
}
