import AAEReport
import XCTest

final class IndexFixtureTests: XCTestCase {
    func testFixtureTreeIndexesEveryRunWithItsFigures() throws {
        let directory = try TemporaryDirectory()
        try IndexFixture.write(to: directory.url)
        let index = try ResultsIndex.scan(resultsRoot: directory.url)
        XCTAssertEqual(index.experiments.map(\.name), ["aae_deterministic", "notes <draft> & co", "sweep_latent_lr"])
        XCTAssertEqual(index.experiments[0].runs.map(\.status), ["completed", "diverged"])
        XCTAssertEqual(index.experiments[0].runs[0].images, ["latent_scatter.png", "samples.png", "losses.png"])
        XCTAssertEqual(index.experiments[2].runs.count, 4)
        XCTAssertEqual(index.experiments[2].parameterNames, ["latent_dim", "lr"])
    }

    /// Writes the fixture where scripts/check-html-index.sh asks for it; skipped otherwise.
    func testWriteFixtureForTheBrowserCheck() throws {
        guard let path = ProcessInfo.processInfo.environment["AAE_INDEX_FIXTURE_DIR"], !path.isEmpty else {
            throw XCTSkip("set AAE_INDEX_FIXTURE_DIR to write the fixture results tree there")
        }
        try IndexFixture.write(to: URL(fileURLWithPath: path, isDirectory: true))
    }
}
