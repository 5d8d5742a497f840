// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Marrow",
    products: [
        .executable(name: "marrow", targets: ["marrow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, each reached through its own system library target.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The model: course, lessons, quizzes, scoring, progress. No curses here.
        .target(
            name: "MarrowCore",
            dependencies: ["CCmark", "CYaml"]
        ),
        // The terminal front end: pure update/render plus one ncurses backend.
        .target(
            name: "MarrowTUI",
            dependencies: ["MarrowCore", "CNCursesW"]
        ),
        // The shipped course (Lessons/) embedded at build time; only the executable uses it.
        .executableTarget(
            name: "CourseEmbedder",
            path: "Sources/CourseEmbedder"
        ),
        .plugin(
            name: "EmbedCourse",
            capability: .buildTool(),
            dependencies: ["CourseEmbedder"]
        ),
        .target(
            name: "MarrowCourse",
            plugins: ["EmbedCourse"]
        ),
        .executableTarget(
            name: "marrow",
            dependencies: [
                "MarrowCore",
                "MarrowTUI",
                "MarrowCourse",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process measurements for Benchmarks/run; not part of the product.
        .executableTarget(
            name: "marrow-bench",
            dependencies: ["MarrowCore", "MarrowTUI"],
            path: "Sources/MarrowBench"
        ),
        // What the test targets share: the one process runner, and polling a screen.
        .target(
            name: "MarrowTestSupport",
            path: "Tests/MarrowTestSupport"
        ),
        .testTarget(
            name: "MarrowCoreTests",
            dependencies: ["MarrowCore", "MarrowTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "MarrowTUITests",
            dependencies: ["MarrowTUI", "MarrowCore", "MarrowTestSupport"],
            resources: [.copy("Snapshots")]
        ),
        // The process-level suites: the built `marrow` in tmux and pseudo-terminals,
        // signals, kill -9, faults. The fast loop is the two targets above.
        .testTarget(
            name: "MarrowProcessTests",
            dependencies: ["MarrowCore", "MarrowTestSupport", "marrow"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
