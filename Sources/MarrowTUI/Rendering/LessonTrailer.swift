import MarrowCore

/// What follows a lesson's body in the reader and in `marrow read`: its sources,
/// numbered so that a citation marker such as `[2]` in the text names the second,
/// then the date the lesson was last checked against them.
enum LessonTrailer {
    static func blocks(of lesson: Lesson) -> [Block] {
        var trailer: [Block] = []
        if !lesson.meta.sources.isEmpty {
            trailer.append(Block(.heading(level: 2, content: [.text("Sources")])))
            trailer.append(Block(.orderedList(start: 1, items: lesson.meta.sources.map {
                ListItem(blocks: [Block(.paragraph([.link(text: [.text($0.title)], url: $0.url)]))])
            })))
        }
        if !lesson.meta.reviewed.isEmpty {
            trailer.append(Block(.paragraph([.text("Content last reviewed on \(lesson.meta.reviewed).")])))
        }
        return trailer
    }
}
