/// A course's outline, read without parsing any Markdown: `course.yaml` and the
/// front matter of the lesson files, a small fraction of what `CourseLoader` reads.
/// A front end can show a course's contents from it while the full course loads.
///
/// The outline is for showing, never for acting on: an app should wait for the full
/// course before it does anything. It is nil whenever it could differ from the full
/// course in what it can see (a lesson whose front matter or bytes have an error, a
/// duplicate lesson id, a folder that cannot be listed); what it cannot see is an
/// error in a lesson's body or quiz, which the full course then shows.
package struct CourseOutline: Sendable {
    /// The course as its contents list sees it: `info` as `CourseLoader` reads it and
    /// one lesson per lesson file in course order, each with its front matter and
    /// file name but no body or quiz. Lessons past those read (see `readCount`)
    /// stand in with a placeholder id no lesson file can have and no title.
    package var course: Course
    /// How many lessons, from the first, had their front matter read.
    package var readCount: Int

    /// Whether every lesson's front matter was read.
    package var isComplete: Bool { readCount == course.lessons.count }

    /// The placeholder id of a lesson whose front matter was not read: not a slug,
    /// so it never matches a lesson in the progress.
    static func placeholderID(_ fileName: String) -> String {
        var id = String()
        id.reserveCapacity(8 + fileName.utf8.count)
        id += "\u{0}unread:"
        id += fileName
        return id
    }

    /// Whether `id` is the placeholder of a lesson whose front matter was not read.
    package static func isPlaceholder(_ id: String) -> Bool { id.hasPrefix(placeholderID("")) }

    /// Reads the outline of the course in `directory`. With `firstLessons`, reads the
    /// front matter of that many lessons, then on until every id in `wanted` was
    /// found (or all were read); without it, reads them all. Nil when the outline
    /// might not match the full course (see the type's note).
    package static func load(directory: String, firstLessons limit: Int? = nil, wanted: Set<String> = []) -> CourseOutline? {
        guard CourseFiles.isFolder(directory) else { return nil }
        let folderName = CourseFiles.folderName(directory)
        var ignored: [Diagnostic] = []
        let yaml = CourseFiles.join(directory, "course.yaml")
        let info = CourseInfoReader.read(path: yaml, fallback: CourseInfo(id: folderName, title: folderName), diagnostics: &ignored)
        guard let names = try? CourseFiles.fileNames(in: directory) else { return nil }
        let lessonNames = LessonFileName.sorted(names.filter(LessonFileName.isMarkdown)).filter(LessonFileName.isLesson)

        var lessons: [Lesson] = []
        lessons.reserveCapacity(lessonNames.count)
        var seen = Set<String>()
        var missing = wanted
        for name in lessonNames {
            if let limit, lessons.count >= limit, missing.isEmpty { break }
            let path = CourseFiles.join(directory, name)
            guard let meta = frontMatter(path: path), seen.insert(meta.id).inserted else { return nil }
            missing.remove(meta.id)
            lessons.append(Lesson(meta: meta, body: Document(blocks: []), quiz: [], path: path, fileName: name))
        }
        let readCount = lessons.count
        for name in lessonNames.dropFirst(readCount) {
            lessons.append(Lesson(meta: LessonMeta(id: placeholderID(name), title: ""), body: Document(blocks: []), quiz: [],
                                  path: CourseFiles.join(directory, name), fileName: name))
        }
        return CourseOutline(course: Course(info: info, lessons: lessons, directory: directory), readCount: readCount)
    }

    /// Bytes read from the start of a lesson file, enough for any usual front matter.
    static let headSize = 8192

    /// The lesson's front matter, from the head of the file (its whole lines), or
    /// from the whole file when the front matter does not end in the head.
    private static func frontMatter(path: String) -> LessonMeta? {
        guard let (head, isWhole) = try? CourseFiles.readHead(path, limit: headSize) else { return nil }
        if isWhole { return LessonReader.outlineMeta(bytes: head, path: path) }
        if let lastNewline = head.lastIndex(of: 0x0A),
           let meta = LessonReader.outlineMeta(bytes: Array(head[...lastNewline]), path: path) {
            return meta
        }
        guard let bytes = try? CourseFiles.read(path) else { return nil }
        return LessonReader.outlineMeta(bytes: bytes, path: path)
    }
}
