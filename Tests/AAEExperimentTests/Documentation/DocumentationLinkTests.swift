import Foundation
import XCTest

/// The README stays the short entry page: its set-up commands are there, and
/// every relative link of README.md and docs/*.md (pages, figures, files)
/// points at something in the repository.
final class DocumentationLinkTests: XCTestCase {
    func testTheReadmeGivesTheTwoSetUpCommands() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("make run"))
        XCTAssertTrue(readme.contains("make test"))
    }

    func testEveryRelativeLinkPointsAtAFileOfTheRepository() throws {
        let link = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var checked = 0
        for (page, text) in try DocumentationPages.all(in: Repository.root) {
            let folder = Repository.root.appendingPathComponent(page).deletingLastPathComponent()
            for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let target = String(text[range].prefix(while: { $0 != "#" }))
                guard !target.isEmpty, !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                checked += 1
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(target).path),
                              "\(page): the link `\(target)` points at nothing")
            }
        }
        XCTAssertGreaterThan(checked, 10, "the documentation's links were not found")
    }
}
