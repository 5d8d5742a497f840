import MarrowCore

/// What a bookmark is called wherever it is listed (a lesson's outline, the
/// course's bookmarks): the nearest heading above the bookmarked place, else
/// the lesson's title, and a snippet of the text there.
///
/// A percentage alone ("▪ 39%") tells a learner nothing a week later; the
/// section it sits in does, and the snippet tells two marks in one section apart.
package struct BookmarkLabel: Sendable, Hashable {
    /// The heading of the section the mark is in, or the lesson's title.
    package var heading: String
    /// The text from the bookmarked place on, on one line.
    package var snippet: String

    package init(heading: String, snippet: String) {
        self.heading = heading
        self.snippet = snippet
    }

    package init(mark: ReadingPosition, in lesson: Lesson) {
        let blocks = lesson.body.blocks
        // Lesson text is untrusted: `Layout.headings` sanitizes the headings.
        let above = Layout.headings(in: blocks).last { $0.block <= mark.block }
        heading = above?.title ?? Sanitizer.clean(lesson.title, singleLine: true)
        if blocks.indices.contains(mark.block) {
            let text = Sanitizer.clean(blocks[mark.block].plainText, singleLine: true)
            snippet = String(text.dropFirst(max(0, mark.offset)))
        } else {
            snippet = ""
        }
    }

    /// "▪ The day of the transplant · 39%  Day zero is the day …" in `width`
    /// columns: the heading first (cut at a word if it must be), the snippet
    /// in what is left, dim.
    package func line(percent: Int, width: Int, indent: String = "  ") -> StyledLine {
        let marker = indent + "▪ "
        let place = " · \(percent)%"
        let headingRoom = max(1, width - DisplayWidth.of(marker) - DisplayWidth.of(place))
        let shownHeading = DisplayWidth.truncateAtWord(heading, to: headingRoom)
        var spans = [Span(marker, Style(.accent)), Span(shownHeading, Style(.strong)), Span(place, Style(.dim))]
        let used = spans.reduce(0) { $0 + $1.width }
        let snippetRoom = width - used - 2
        if snippetRoom >= 8, !snippet.isEmpty {
            spans += [Span("  "), Span(DisplayWidth.truncateAtWord(snippet, to: snippetRoom), Style(.dim))]
        }
        return StyledLine(spans)
    }
}
