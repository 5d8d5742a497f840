import Testing
@testable import marrow

/// A plain launch skips ArgumentParser; everything else still goes through it.
@Suite struct QuickLaunchTests {
    @Test func plainLaunchesAreReadByHand() {
        #expect(QuickLaunch([]) != nil)
        let full = QuickLaunch(["--lessons", "L", "--progress=/p/x.json", "--no-color"])
        #expect(full?.lessons == "L")
        #expect(full?.progress == "/p/x.json")
        #expect(full?.noColor == true)
        let quick = QuickLaunch(["--progress", "p.json", "--lessons=Lessons"])
        #expect(quick?.lessons == "Lessons")
        #expect(quick?.progress == "p.json")
        #expect(quick?.noColor == false)
    }

    @Test func anythingElseIsLeftToArgumentParser() {
        for arguments in [["validate"], ["--help"], ["--version"], ["-h"], ["--lessons"], ["--lessons", "--progress", "p"],
                          ["--lessons="], ["--lessons", "a", "--lessons", "b"], ["--no-color", "--no-color"],
                          ["--lesson", "a"], ["--lessons", "a", "extra"], ["--progress", "-p"], ["--colour"]] {
            #expect(QuickLaunch(arguments) == nil, "\(arguments)")
        }
    }
}
