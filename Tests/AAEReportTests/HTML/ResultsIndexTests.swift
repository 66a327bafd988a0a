import AAEReport
import XCTest

final class ResultsIndexTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory = nil
    }

    private var root: URL { directory.url.appendingPathComponent("results", isDirectory: true) }

    private func write(_ text: String, _ path: String) throws {
        try AtomicFile.write(text, to: root.appendingPathComponent(path))
    }

    private func writePNG(_ path: String) throws {
        try Canvas(width: 8, height: 6).writePNG(to: root.appendingPathComponent(path))
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    private let metrics = "step,d_loss,heldout_recon_mse\n1000,1.386,0.03\n2000,1.2,0.02291234\n"

    /// Two single-run experiments and a sweep with a summary.
    private func makeTree() throws {
        try write(metrics, "aae_deterministic/seed=1/metrics.csv")
        try writePNG("aae_deterministic/seed=1/latent_scatter.png")
        try writePNG("aae_deterministic/seed=1/losses.png")
        try write("metric,value,standard_error\nheldout_mse,0.0231,0.0004\n", "aae_deterministic/seed=1/eval.csv")
        try write(metrics + "3000,nan,nan\n", "aae_deterministic/seed=2/metrics.csv")
        try write("run_id,latent_dim,lr,status,final_heldout_recon_mse,wall_time_s\n"
                  + "\"latent_dim=2,lr=0.001\",2,0.001,completed,0.02291234,12.5\n"
                  + "\"latent_dim=8,lr=0.001\",8,0.001,failed,,1\n", "sweep_lr/summary.csv")
        try write(metrics, "sweep_lr/latent_dim=2,lr=0.001/metrics.csv")
        try writePNG("sweep_lr/latent_dim=2,lr=0.001/samples.png")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("not_an_experiment/empty"),
                                                withIntermediateDirectories: true)
    }

    func testRootIndexListsEveryExperimentWithLinksToItsPage() throws {
        try makeTree()
        let written = try ResultsIndex.write(resultsRoot: root)
        XCTAssertEqual(written.map(\.lastPathComponent), ["index.html", "index.html", "index.html"])
        let html = try read("index.html")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<a href=\"aae_deterministic/index.html\">aae_deterministic</a>"))
        XCTAssertTrue(html.contains("<a href=\"sweep_lr/index.html\">sweep_lr</a>"))
        XCTAssertFalse(html.contains("not_an_experiment"))
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "aae_deterministic/index.html")).lowerBound,
                          try XCTUnwrap(html.range(of: "sweep_lr/index.html")).lowerBound)
        XCTAssertTrue(html.contains("<img src=\"aae_deterministic/seed=1/latent_scatter.png\""))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("sweep_lr/index.html").path))
    }

    func testExperimentPageListsEveryRunWithStatusParametersAndFinalMetrics() throws {
        try makeTree()
        try ResultsIndex.write(resultsRoot: root)
        let html = try read("aae_deterministic/index.html")
        XCTAssertTrue(html.contains("<a href=\"../index.html\">"))
        XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, 3, "header row and two runs")
        XCTAssertTrue(html.contains("<a href=\"#run-1\">seed=1</a>"))
        XCTAssertTrue(html.contains("<a href=\"#run-2\">seed=2</a>"))
        XCTAssertTrue(html.contains("<span class=\"status ok\">completed</span>"))
        XCTAssertTrue(html.contains("<span class=\"status bad\">diverged</span>"), "last row has nan")
        XCTAssertTrue(html.contains("<span class=\"group\">param</span>seed</th>"))
        XCTAssertTrue(html.contains("<td>1</td>"), "seed parsed from the folder name")
        XCTAssertTrue(html.contains("<td class=\"num\" data-sort=\"0.02291234\" title=\"0.02291234\">0.02291</td>"))
        XCTAssertTrue(html.contains("<td class=\"num\" data-sort=\"2000\" title=\"2000\">2000</td>"))
        XCTAssertTrue(html.contains("data-sort=\"0.0231\" title=\"0.0231 ± 0.0004\">0.0231 <span class=\"se\">± 0.0004</span>"))
        XCTAssertTrue(html.contains("<a href=\"seed=1/eval.csv\">eval.csv</a>"))
    }

    func testSweepPageUsesSummaryOrderStatusAndSweptColumns() throws {
        try makeTree()
        let index = try ResultsIndex.scan(resultsRoot: root)
        let sweep = try XCTUnwrap(index.experiments.first { $0.name == "sweep_lr" })
        XCTAssertTrue(sweep.isSweep)
        XCTAssertEqual(sweep.runs.map(\.id), ["latent_dim=2,lr=0.001", "latent_dim=8,lr=0.001"])
        XCTAssertEqual(sweep.runs.map(\.status), ["completed", "failed"])
        XCTAssertEqual(sweep.parameterNames, ["latent_dim", "lr"])
        XCTAssertEqual(sweep.summaryNames, ["wall_time_s"])
        XCTAssertNil(sweep.runs[1].folder, "listed in summary.csv but has no run folder")
        let html = index.experimentPage(sweep)
        XCTAssertTrue(html.contains("<table class=\"sortable\">"))
        XCTAssertTrue(html.contains("<script>"))
        XCTAssertTrue(html.contains("<td class=\"name\" data-sort=\"latent_dim=8,lr=0.001\">latent_dim=8,lr=0.001</td>"))
        XCTAssertTrue(html.contains("<span class=\"status bad\">failed</span>"))
    }

    func testPresentPNGsGetThumbnailsThatLinkToTheFullSizeImage() throws {
        try makeTree()
        try ResultsIndex.write(resultsRoot: root)
        let html = try read("aae_deterministic/index.html")
        XCTAssertTrue(html.contains("<a href=\"seed=1/latent_scatter.png\"><img src=\"seed=1/latent_scatter.png\" width=\"280\""))
        XCTAssertTrue(html.contains("<img src=\"seed=1/losses.png\""))
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "latent_scatter.png")).lowerBound,
                          try XCTUnwrap(html.range(of: "losses.png")).lowerBound)
        XCTAssertFalse(html.contains("seed=2/latent_scatter.png"))
        XCTAssertFalse(html.contains("reconstructions.png"))
        XCTAssertEqual(html.components(separatedBy: "<img ").count - 1, 2)
    }

    func testNamesAreHTMLEscapedAndLinksPercentEncoded() throws {
        try write(metrics, "a<b>&c/x=\"1\"#2/metrics.csv")
        try writePNG("a<b>&c/x=\"1\"#2/latent_scatter.png")
        try ResultsIndex.write(resultsRoot: root)
        let rootHTML = try read("index.html")
        XCTAssertTrue(rootHTML.contains(">a&lt;b&gt;&amp;c</a>"))
        XCTAssertTrue(rootHTML.contains("href=\"a%3Cb%3E&amp;c/index.html\""))
        XCTAssertFalse(rootHTML.contains("a<b>"))
        let page = try read("a<b>&c/index.html")
        XCTAssertTrue(page.contains("<h1>a&lt;b&gt;&amp;c</h1>"))
        XCTAssertTrue(page.contains("<title>a&lt;b&gt;&amp;c · aae-run results</title>"))
        XCTAssertTrue(page.contains(">x=&quot;1&quot;#2</a>"))
        XCTAssertTrue(page.contains("<img src=\"x=%221%22%232/latent_scatter.png\""))
        XCTAssertFalse(page.contains("a<b>"))
    }

    func testWritingTheSameTreeTwiceGivesTheSameBytes() throws {
        try makeTree()
        try ResultsIndex.write(resultsRoot: root)
        let first = try ["index.html", "aae_deterministic/index.html", "sweep_lr/index.html"].map(read)
        try ResultsIndex.write(resultsRoot: root)
        let second = try ["index.html", "aae_deterministic/index.html", "sweep_lr/index.html"].map(read)
        XCTAssertEqual(first, second)
        XCTAssertEqual(try ResultsIndex.scan(resultsRoot: root), try ResultsIndex.scan(resultsRoot: root))
    }

    func testRunsAreInNaturalOrderAndPagesUseNoExternalResources() throws {
        for seed in [10, 2, 1] { try write(metrics, "e/seed=\(seed)/metrics.csv") }
        let index = try ResultsIndex.scan(resultsRoot: root)
        XCTAssertEqual(index.experiments.first?.runs.map(\.id), ["seed=1", "seed=2", "seed=10"])
        for html in [index.rootPage(), index.experimentPage(index.experiments[0])] {
            XCTAssertFalse(html.contains("http://"))
            XCTAssertFalse(html.contains("https://"))
            XCTAssertFalse(html.contains("<script src"))
            XCTAssertFalse(html.contains("<link"))
        }
    }

    func testMalformedMetricsBecomesANoteInsteadOfAnError() throws {
        try write("step,loss\n1,\"2\n", "broken/seed=1/metrics.csv")
        try ResultsIndex.write(resultsRoot: root)
        let html = try read("broken/index.html")
        XCTAssertTrue(html.contains("<li>seed=1/metrics.csv: CSV line 2: quoted field is never closed</li>"))
        XCTAssertTrue(html.contains("<span class=\"status bad\">unreadable</span>"))
    }

    func testEmptyResultsFolderGetsAnIndexAndAMissingOneIsAnError() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try ResultsIndex.write(resultsRoot: root)
        XCTAssertTrue(try read("index.html").contains("0 experiments"))
        let missing = directory.url.appendingPathComponent("missing")
        XCTAssertThrowsError(try ResultsIndex.write(resultsRoot: missing)) { error in
            XCTAssertEqual(error as? ResultsIndexError, .notAFolder(path: missing.relativePath))
        }
    }
}
