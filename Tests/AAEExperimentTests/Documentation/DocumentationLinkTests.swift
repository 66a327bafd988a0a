import Foundation
import XCTest

/// The README stays the short entry page: its set-up commands are there, and
/// every relative link of README.md and docs/*.md (pages, figures, files, and
/// the headings a link names after `#`) points at something in the repository.
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
                let parts = text[range].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = String(parts[0])
                guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                checked += 1
                let file = target.isEmpty ? Repository.root.appendingPathComponent(page)
                    : folder.appendingPathComponent(target)
                guard FileManager.default.fileExists(atPath: file.path) else {
                    XCTFail("\(page): the link `\(target)` points at nothing")
                    continue
                }
                if parts.count == 2, file.pathExtension == "md" {
                    let anchors = DocumentationPages.headingAnchors(try String(contentsOf: file, encoding: .utf8))
                    XCTAssertTrue(anchors.contains(String(parts[1])),
                                  "\(page): `\(file.lastPathComponent)` has no heading `#\(parts[1])`")
                }
            }
        }
        XCTAssertGreaterThan(checked, 10, "the documentation's links were not found")
    }

    func testHeadingAnchorsAreSpeltAsGitHubSpellsThem() {
        XCTAssertEqual(DocumentationPages.headingAnchors("""
            # Graphs: branches and merges
            ```sh
            # not a heading
            ```
            ## `config.resolved.yaml` and status.csv
            """), ["graphs-branches-and-merges", "configresolvedyaml-and-statuscsv"])
    }
}
