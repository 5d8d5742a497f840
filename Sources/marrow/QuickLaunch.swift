/// The arguments of a plain launch of the app, read by hand so that opening the
/// app does not pay for ArgumentParser's setup (reflection over every command,
/// costly next to the rest of the launch).
///
/// `MarrowCommand.main` opens the app straight from these values, as
/// `MarrowCommand.run` does from ArgumentParser's.
///
/// Only `[--lessons DIR] [--progress FILE] [--no-color]` is taken, each at most
/// once, a value as the next argument or after `=`, never empty or starting with
/// `-`. Anything else (a subcommand, `--help`, a typo) gives nil, and
/// ArgumentParser reads the arguments as always, with its usage errors.
struct QuickLaunch: Equatable {
    var lessons: String?
    var progress: String?
    var noColor = false

    init?(_ arguments: [String]) {
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if argument == "--no-color" {
                guard !noColor else { return nil }
                noColor = true
                continue
            }
            let name: String
            let value: String
            if argument == "--lessons" || argument == "--progress" {
                guard i < arguments.count else { return nil }
                name = argument
                value = arguments[i]
                i += 1
            } else if let equals = argument.firstIndex(of: "="), ["--lessons", "--progress"].contains(argument[..<equals]) {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                return nil
            }
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            if name == "--lessons" {
                guard lessons == nil else { return nil }
                lessons = value
            } else {
                guard progress == nil else { return nil }
                progress = value
            }
        }
    }
}
