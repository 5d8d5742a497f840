/// Tells Marrow's own state file (even a damaged one) from anything else a path
/// may lead to: a folder, a device, a FIFO, the answer log, a course file, notes.
///
/// Only Marrow's own state gone bad may be moved aside and replaced; anything
/// else is refused with one line and never touched, since the path may have been
/// given by mistake (`--progress ~/notes.txt`, `--progress /dev/null`).
enum StateFileCheck {
    /// The largest file read as a state: a course of 10,000 answered questions
    /// keeps about 3 MB; anything far larger is not Marrow's.
    static let sizeLimit = 256 << 20

    /// Whether `bytes` can be Marrow's state, whole or damaged: empty (or only
    /// white space), or a JSON object whose first key is, or begins, one Marrow
    /// writes first (`"answerLogLength"`, or `"courses"` and `"schemaVersion"` in
    /// older files: the keys are sorted, so a file cut short keeps that start), or
    /// one holding `"schemaVersion"` near the start.
    static func startsLikeState(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        skipSpace()
        guard i < bytes.count else { return true }
        guard bytes[i] == UInt8(ascii: "{") else { return false }
        i += 1
        skipSpace()
        let rest = bytes[i...]
        if rest.isEmpty || rest.first == UInt8(ascii: "}") { return true }
        for key in [#""answerLogLength""#, #""courses""#, #""schemaVersion""#] {
            let k = Array(key.utf8)
            let n = min(k.count, rest.count)
            if rest.prefix(n).elementsEqual(k.prefix(n)) { return true }
        }
        return contains(bytes.prefix(64 << 10), Array(#""schemaVersion""#.utf8))
    }

    /// Why `path`, a regular file, is one of Marrow's other files (the answer log,
    /// the lock, the first-screen cache, a backup or a file moved aside), or nil.
    static func companionProblem(_ path: String) -> String? {
        let name = FileIO.fileName(of: path)
        if name.hasSuffix(".history.jsonl") { return "is Marrow's answer log, not its progress file" }
        if name.hasSuffix(".lock") { return "is Marrow's lock file, not its progress file" }
        if name.hasSuffix(".first-screen") { return "is Marrow's first-screen cache, not its progress file" }
        return nil
    }

    /// What a file-system object that is not a folder, a link or a regular file is.
    static func typeName(_ path: String, followLink: Bool) -> String {
        FileIO.specialKindName(path, followLink: followLink)
    }

    /// `path` itself, or the real path of the regular file it leads to when it is
    /// a symbolic link: the answer log and the lock then sit beside the real file,
    /// so an instance using the link and one using the real path share them.
    static func resolvingLink(_ path: String) -> String {
        FileIO.resolvedRegularFile(path) ?? path
    }

    /// A state file to suggest in place of `path`: inside it when it is a folder,
    /// beside it when it is a file, the usual place for a device, FIFO or socket.
    static func suggestion(for path: String, isFolder: Bool, isFile: Bool = true) -> String {
        if isFolder { return (path.hasSuffix("/") ? path : path + "/") + "progress.json" }
        if !isFile { return "~/.local/share/marrow/progress.json" }
        let name = FileIO.fileName(of: path)
        if name.hasSuffix(".history.jsonl") { return String(path.dropLast(".history.jsonl".count)) + ".json" }
        let folder = FileIO.folder(of: path)
        return (folder == "/" ? "" : folder) + "/progress.json"
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
