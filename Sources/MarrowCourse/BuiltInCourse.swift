/// The shipped course, carried inside the executable so that a copied or installed
/// `marrow` needs no `Lessons/` folder. `files` is generated at build time from
/// `Lessons/` by the EmbedCourse plugin. This target depends on nothing, and only the
/// executable depends on it, so a lesson edit does not rebuild MarrowCore or its tests.
package enum BuiltInCourse {
    /// Each file's bytes, as the loader reads them from a folder.
    package static var fileBytes: [(name: String, bytes: [UInt8])] {
        files.map { ($0.name, Array($0.text.utf8)) }
    }
}
