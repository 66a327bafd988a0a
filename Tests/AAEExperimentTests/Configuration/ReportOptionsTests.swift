import AAEExperiment
import Foundation
import XCTest

/// The report keys that change how figures are drawn: snapshots, the manifold's grid,
/// the projection of wide codes and t-SNE's settings; read, checked and written back.
final class ReportOptionsTests: XCTestCase {
    /// The line a key appended to `lineByLineExperiment` lands on.
    private var appendedLine: Int { lineByLineExperiment.split(separator: "\n", omittingEmptySubsequences: false).count }

    private func parse(_ text: String) throws -> Experiment {
        try ExperimentReader.parse(Data(text.utf8), file: "test.yaml")
    }

    func testEveryOptionIsReadAndWrittenBackOnlyWhenSet() throws {
        let experiment = try parse(lineByLineExperiment + """
            report:
              snapshot_every: 50
              manifold: {size: 15, range: [-3, 3]}
              projection: tsne
              tsne: {perplexity: 40}

            """)
        XCTAssertEqual(experiment.report.snapshotEvery, 50)
        XCTAssertEqual(experiment.report.manifold, ManifoldGridSpec(size: 15, span: .fixed(low: -3, high: 3)))
        XCTAssertEqual(experiment.report.projection, .tsne)
        XCTAssertEqual(experiment.report.tsne, TSNESpec(perplexity: 40, iterations: 1_000))
        let yaml = resolvedYAML(experiment)
        XCTAssertTrue(yaml.hasSuffix("""
            report:
              plots: [latent_scatter, manifold, reconstructions, samples, losses, style]
              eval: true
              snapshot_every: 50
              manifold: {size: 15, range: [-3, 3]}
              projection: tsne
              tsne: {perplexity: 40, iterations: 1000}

            """), yaml)
        XCTAssertEqual(try parse(yaml).report, experiment.report, "the resolved file reads back the same")

        let plain = resolvedYAML(try parse(lineByLineExperiment))
        XCTAssertTrue(plain.hasSuffix("report:\n  plots: [latent_scatter, manifold, reconstructions, samples, losses, style]\n  eval: true\n"),
                      "defaults add no line: \(plain)")
    }

    func testTheQuantileRangeAndTheDefaultsAreWrittenAsTheyRead() throws {
        let sized = try parse(lineByLineExperiment + "report: {manifold: {size: 30}}\n")
        XCTAssertEqual(sized.report.manifold, ManifoldGridSpec(size: 30, span: .quantiles))
        XCTAssertTrue(resolvedYAML(sized).contains("  manifold: {size: 30, range: quantiles}\n"))
        let spelledOut = try parse(lineByLineExperiment + "report: {manifold: {size: 20, range: quantiles}, projection: pca}\n")
        XCTAssertEqual(spelledOut.report, ReportSpec.default)
        XCTAssertEqual(resolvedYAML(spelledOut), resolvedYAML(try parse(lineByLineExperiment)))
    }

    func testABadRangeIsReportedAtItsLineAndColumn() {
        let reversed = rejection(of: lineByLineExperiment + "report:\n  manifold: {range: [3, -3]}\n")
        assertOneDiagnostic(reversed, line: appendedLine + 1, keyPath: "report.manifold.range",
                            contains: ["needs low < high", "[3, -3]"])
        XCTAssertEqual(reversed.first?.column, 21)
        let word = rejection(of: lineByLineExperiment + "report:\n  manifold: {range: central}\n")
        assertOneDiagnostic(word, line: appendedLine + 1, keyPath: "report.manifold.range",
                            contains: ["expected `quantiles` or a range [low, high]", "found `central`"])
        let three = rejection(of: lineByLineExperiment + "report:\n  manifold: {range: [-3, 0, 3]}\n")
        assertOneDiagnostic(three, line: appendedLine + 1, keyPath: "report.manifold.range", contains: ["two numbers"])
    }

    func testOutOfRangeValuesAndUnknownNamesAreReported() {
        assertOneDiagnostic(rejection(of: lineByLineExperiment + "report:\n  manifold: {size: 1}\n"),
                            line: appendedLine + 1, keyPath: "report.manifold.size", contains: ["[2, 100]", "found 1"])
        assertOneDiagnostic(rejection(of: lineByLineExperiment + "report:\n  snapshot_every: -5\n"),
                            line: appendedLine + 1, keyPath: "report.snapshot_every", contains: ["found -5"])
        assertOneDiagnostic(rejection(of: lineByLineExperiment + "report:\n  projection: tnse\n"),
                            line: appendedLine + 1, keyPath: "report.projection",
                            contains: ["expected one of pca, tsne", "did you mean `tsne`?"])
        assertOneDiagnostic(rejection(of: lineByLineExperiment + "report:\n  tsne: {perplexity: 0}\n"),
                            line: appendedLine + 1, keyPath: "report.tsne.perplexity", contains: ["found 0"])
        assertOneDiagnostic(rejection(of: lineByLineExperiment + "report:\n  tsne: {perplexty: 5}\n"),
                            line: appendedLine + 1, keyPath: "report.tsne.perplexty", contains: ["did you mean `perplexity`?"])
    }
}
