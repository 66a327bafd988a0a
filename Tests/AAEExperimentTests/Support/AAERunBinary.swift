import Foundation
import XCTest

/// The built `aae-run`, for tests that run it in a child process.
enum AAERunBinary {
    /// `aae-run` beside the test bundle (the same build), else in .build/release.
    static func url() throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [testBinary.deletingLastPathComponent().appendingPathComponent("aae-run"),
                          Bundle(for: SweepWorkspace.self).bundleURL.deletingLastPathComponent().appendingPathComponent("aae-run"),
                          Repository.root.appendingPathComponent(".build/release/aae-run")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("aae-run is not built (looked in \(candidates.map(\.path)))")
        }
        return found
    }
}
